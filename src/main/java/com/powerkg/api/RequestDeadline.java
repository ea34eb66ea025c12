package com.powerkg.api;

import java.time.Duration;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * When a request's time ({@code powerkg.graphql.timeout}) is over, in the GraphQL context, set as the request comes in.
 * A resolver that can give up (the collection plan of another date) uses what is left of it, less a margin for the
 * answer, so that its caller gets its typed error rather than the 408 the request timeout sends at the same moment.
 */
public final class RequestDeadline implements WebGraphQlInterceptor {

	/** The key of the deadline in the GraphQL context: a {@link System#nanoTime()} value. */
	public static final String CONTEXT_KEY = "powerkg.deadline";

	/** Kept back for answering: the error must be on its way before the request timeout answers 408. */
	static final Duration ANSWER_MARGIN = Duration.ofMillis(500);

	/** How much longer than the GraphQL timeout the servlet container keeps an asynchronous request open. */
	static final Duration CONTAINER_MARGIN = Duration.ofSeconds(10);

	private final Duration timeout;

	RequestDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	/** How long a request may take (powerkg.graphql.timeout). */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * How long the servlet container keeps a request open (GraphQlLimits sets it): longer than {@link #timeout()}, so
	 * that the GraphQL timeout answers 408 first.
	 */
	public Duration containerTimeout() {
		return this.timeout.plus(CONTAINER_MARGIN);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> context.put(CONTEXT_KEY, deadline)).build());
		return chain.next(request);
	}

	/**
	 * The time a resolver may still take: what is left until the deadline in {@code context}, less the answer's margin
	 * (never negative); null, no limit, for an in-process request that came without one.
	 */
	public static Duration remaining(GraphQLContext context) {
		Long deadline = context.get(CONTEXT_KEY);
		if (deadline == null) {
			return null;
		}
		Duration left = Duration.ofNanos(deadline - System.nanoTime()).minus(ANSWER_MARGIN);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** A deadline {@code time} from now, for an in-process caller that sets its own. */
	public static long in(Duration time) {
		return System.nanoTime() + time.toNanos();
	}

}
