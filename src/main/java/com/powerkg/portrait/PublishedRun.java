package com.powerkg.portrait;

import java.util.function.Supplier;

import com.powerkg.run.AnalyticsRuns.Publication;
import graphql.GraphQLContext;

/**
 * The published analytics run a GraphQL request reads, looked up once per request and kept in its context: the
 * customer page (with its tag filter) and the batched tag loader run as separate queries, and a run published
 * between them must not make one response mix two runs.
 */
public final class PublishedRun {

	private static final String KEY = PublishedRun.class.getName();

	private PublishedRun() {
	}

	/** @return the run id, or null when no run has been published yet */
	public static String idFor(GraphQLContext context, Supplier<Publication> lookup) {
		return of(context, lookup).runId();
	}

	/** @return the run whose ratings the published run serves, or null when none */
	public static String creditRunIdFor(GraphQLContext context, Supplier<Publication> lookup) {
		return of(context, lookup).creditRunId();
	}

	/**
	 * Keeps a publication read together with something else (the customer of a portrait), so that the request
	 * does not read it again; a publication the request already holds stays.
	 */
	public static void seed(GraphQLContext context, Publication publication) {
		context.computeIfAbsent(KEY, key -> publication);
	}

	/** Both ids in one lookup, once per request. */
	public static Publication of(GraphQLContext context, Supplier<Publication> lookup) {
		return context.computeIfAbsent(KEY, key -> lookup.get());
	}

}
