package com.powerkg.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedRunTest {

	@Test
	void aRequestLooksUpThePublishedRunOnceAndKeepsItEvenIfANewRunIsPublishedMeanwhile() {
		var context = GraphQLContext.newContext().build();
		var lookups = new AtomicInteger();

		String first = PublishedRun.idFor(context, () -> Optional.of("run-" + lookups.incrementAndGet()));
		String second = PublishedRun.idFor(context, () -> Optional.of("run-" + lookups.incrementAndGet()));

		assertThat(first).isEqualTo("run-1").isEqualTo(second);
		assertThat(lookups).hasValue(1);
	}

	@Test
	void noPublishedRunIsRememberedToo() {
		var context = GraphQLContext.newContext().build();
		var lookups = new AtomicInteger();

		assertThat(PublishedRun.idFor(context, () -> { lookups.incrementAndGet(); return Optional.empty(); })).isNull();
		assertThat(PublishedRun.idFor(context, () -> { lookups.incrementAndGet(); return Optional.of("late"); })).isNull();
		assertThat(lookups).hasValue(1);
	}

}
