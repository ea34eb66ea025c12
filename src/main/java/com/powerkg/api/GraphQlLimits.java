package com.powerkg.api;

import java.time.Duration;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
	record Settings(Integer maxDepth, Integer maxComplexity, Duration timeout) {

		Settings {
			maxDepth = (maxDepth != null) ? maxDepth : 15;
			maxComplexity = (maxComplexity != null) ? maxComplexity : 20_000;
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		}

	}

	/**
	 * Pages multiply what is below them: customers(first: 500) { edges { node { tags } } } costs 500 × its children.
	 * A page without {@code first} counts as the default page; one larger than the cap counts as the cap (the page
	 * itself refuses it, with the clearer message).
	 */
	static final FieldComplexityCalculator PAGES_MULTIPLY = (env, childComplexity) -> {
		Object first = env.getArguments().get("first");
		boolean page = env.getFieldDefinition() != null && env.getFieldDefinition().getArgument("first") != null;
		int size = (first instanceof Number n) ? Math.clamp(n.longValue(), 1, CustomerController.MAX_PAGE_SIZE)
				: page ? CustomerController.DEFAULT_PAGE_SIZE : 1;
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

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(Settings settings) {
		return new MaxQueryComplexityInstrumentation(settings.maxComplexity(), PAGES_MULTIPLY) {
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

}
