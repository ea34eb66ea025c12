package com.powerkg.api;

import java.util.Optional;
import java.util.function.Supplier;

import graphql.GraphQLContext;

/**
 * The published analytics run a GraphQL request reads, looked up once per request and kept in its context: the
 * customer page (with its tag filter) and the batched tag loader run as separate queries, and a run published
 * between them must not make one response mix two runs.
 */
final class PublishedRun {

	private static final String KEY = PublishedRun.class.getName();

	private static final String CREDIT_KEY = PublishedRun.class.getName() + ".credit";

	private PublishedRun() {
	}

	/** @return the run id, or null when no run has been published yet */
	static String idFor(GraphQLContext context, Supplier<Optional<String>> lookup) {
		Optional<String> id = context.computeIfAbsent(KEY, key -> lookup.get());
		return id.orElse(null);
	}

	/** @return the run whose ratings the published run serves, or null when none */
	static String creditRunIdFor(GraphQLContext context, Supplier<Optional<String>> lookup) {
		Optional<String> id = context.computeIfAbsent(CREDIT_KEY, key -> lookup.get());
		return id.orElse(null);
	}

}
