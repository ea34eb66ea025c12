package com.powerkg.api;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongBiFunction;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

/**
 * Limits that keep one client from tying up the service ({@code powerkg.graphql.*}): query depth, query complexity
 * and a request timeout. Page sizes ({@code first} at most 500) are checked where the pages are made.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.Settings.class)
class GraphQlLimits {

	/**
	 * @param maxDepth deepest field nesting; GraphiQL's schema introspection needs 13
	 * @param maxComplexity each field counts 1 plus its children, times {@code first} on a page
	 * @param timeout a request still running after this is answered with HTTP 408; a database query it started is not
	 * stopped, it runs to its end
	 */
	@ConfigurationProperties("powerkg.graphql")
	record Settings(Integer maxDepth, Integer maxComplexity, Duration timeout, Integer maxConcurrentFetches) {

		@ConstructorBinding
		Settings {
			maxDepth = (maxDepth != null) ? maxDepth : 15;
			maxComplexity = (maxComplexity != null) ? maxComplexity : 20_000;
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
			maxConcurrentFetches = (maxConcurrentFetches != null) ? maxConcurrentFetches : 4;
			if (maxConcurrentFetches < 1) {
				throw new IllegalArgumentException("powerkg.graphql.max-concurrent-fetches must be at least 1, was " + maxConcurrentFetches);
			}
		}

		Settings(Integer maxDepth, Integer maxComplexity, Duration timeout) {
			this(maxDepth, maxComplexity, timeout, null);
		}

	}

	@Bean
	static BeanPostProcessor limitingControllerExecutor() {
		return FetchConcurrency.limitingControllerExecutor();
	}

	/**
	 * Pages multiply what is below them: customers(first: 500) { edges { node { tags } } } costs 500 × its children.
	 * A page without {@code first} counts as the default page; one larger than the cap counts as the cap (the page
	 * itself refuses it, with the clearer message).
	 */
	static final FieldComplexityCalculator PAGES_MULTIPLY = (env, childComplexity) -> {
		Object first = env.getArguments().get("first");
		boolean page = env.getFieldDefinition() != null && env.getFieldDefinition().getArgument("first") != null;
		int size = (first instanceof Number n) ? Math.clamp(n.longValue(), 1, Connection.MAX_PAGE_SIZE)
				: page ? Connection.DEFAULT_PAGE_SIZE : 1;
		return size * (1 + childComplexity);
	};

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(Settings settings) {
		return new MaxQueryDepthInstrumentation(settings.maxDepth()) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new AbortExecutionException("The query is " + depth + " fields deep; at most " + maxDepth
						+ " are allowed (powerkg.graphql.max-depth). Split it into smaller queries.");
			}
		};
	}

	/** A what-if over a segment counts one point per this many customers of the segment (it scores each of them). */
	static final int WHAT_IF_CUSTOMERS_PER_POINT = 10;

	/**
	 * {@link #PAGES_MULTIPLY}, and the real cost of the fields whose work grows with the data: {@code creditWhatIf} over a
	 * segment scores every customer of it, so it counts the segment's size (of the published run) divided by
	 * {@link #WHAT_IF_CUSTOMERS_PER_POINT}. Aliases are separate fields and each counts.
	 */
	static FieldComplexityCalculator costs(ToLongBiFunction<String, String> segmentSize) {
		return (env, childComplexity) -> {
			if (env.getFieldDefinition() != null && "creditWhatIf".equals(env.getFieldDefinition().getName()) && env.getArguments().get("segment") instanceof Map<?, ?> segment) {
				long customers = segmentSize.applyAsLong(String.valueOf(segment.get("dimension")), String.valueOf(segment.get("level")));
				long points = Math.max(1, (customers + WHAT_IF_CUSTOMERS_PER_POINT - 1) / WHAT_IF_CUSTOMERS_PER_POINT);
				return (int) Math.min(Integer.MAX_VALUE / 2, points + childComplexity);
			}
			return PAGES_MULTIPLY.calculate(env, childComplexity);
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(Settings settings, SegmentSizeLookup segmentSizes) {
		return new MaxQueryComplexityInstrumentation(settings.maxComplexity(), costs(segmentSizes::customers)) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new AbortExecutionException("The query's complexity is " + complexity + "; at most " + maxComplexity
						+ " is allowed (powerkg.graphql.max-complexity: every field counts 1 plus its children, times "
						+ "`first` on pages). Ask for smaller pages or fewer fields.");
			}
		};
	}

	@Bean
	TimeoutWebGraphQlInterceptor requestTimeout(Settings settings) {
		return new TimeoutWebGraphQlInterceptor(settings.timeout());
	}

	@Bean
	RequestDeadline requestDeadline(Settings settings) {
		return new RequestDeadline(settings.timeout());
	}

	/**
	 * The servlet container's asynchronous request timeout follows {@code powerkg.graphql.timeout} (plus a margin), so a
	 * long request is answered 408 by the GraphQL timeout, never 503 by the container's default of 30 s. Spring MVC's
	 * async timeout ({@code spring.mvc.async.request-timeout}) does not reach a GraphQL request: Spring for GraphQL
	 * answers with {@code ServerResponse.async} without a timeout, and writing that starts a new asynchronous request
	 * with the container's default (seen at 1M: a plan given 300 s answered 503 after 30 s while only MVC's was set;
	 * PlanTimeLimitTest reads what a waiting request really got).
	 */
	@Bean
	TomcatConnectorCustomizer containerAsyncTimeout(RequestDeadline deadline) {
		return connector -> connector.setAsyncTimeout(deadline.containerTimeout().toMillis());
	}

	@Bean
	ParsedDocuments parsedDocuments() {
		return new ParsedDocuments();
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(ParsedDocuments documents) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

}
