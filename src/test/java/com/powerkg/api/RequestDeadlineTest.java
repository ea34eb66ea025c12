package com.powerkg.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.graphql.server.WebGraphQlRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A request over HTTP carries its deadline into the GraphQL context as it comes in (the plan gives up by it). */
class RequestDeadlineTest {

	@Test
	void anIncomingRequestGetsItsDeadlineInTheGraphQlContext() {
		var request = new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(), null, null, Map.of(),
				Map.<String, Object>of("query", "{ me { name } }"), "1", null);
		var seen = new AtomicReference<Long>();
		long before = System.nanoTime();

		new RequestDeadline(Duration.ofSeconds(30)).intercept(request, next -> {
			seen.set(next.toExecutionInput().getGraphQLContext().get(RequestDeadline.CONTEXT_KEY));
			return Mono.empty();
		}).block();

		assertThat(seen.get()).isNotNull();
		assertThat(Duration.ofNanos(seen.get() - before)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
	}

}
