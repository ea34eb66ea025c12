package com.powerkg.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.GraphQLContext;
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

	/** A request's deadline less the margin for answering; without one (an in-process caller), no limit. */
	@Test
	void whatARequestMayStillTakeIsItsDeadlineLessTheAnswersMargin() {
		var context = GraphQLContext.newContext().build();
		assertThat(RequestDeadline.remaining(context)).isNull();
		context.put(RequestDeadline.CONTEXT_KEY, RequestDeadline.in(Duration.ofSeconds(10)));
		assertThat(RequestDeadline.remaining(context)).isBetween(Duration.ofMillis(9000), Duration.ofMillis(9500));
		context.put(RequestDeadline.CONTEXT_KEY, RequestDeadline.in(Duration.ofMillis(100)));
		assertThat(RequestDeadline.remaining(context)).isZero();
	}

}
