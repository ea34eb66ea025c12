package com.powerkg.portrait;

import java.util.concurrent.atomic.AtomicInteger;

import com.powerkg.run.AnalyticsRuns.Publication;
import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedRunTest {

	@Test
	void aRequestLooksUpThePublishedRunOnceAndKeepsItEvenIfANewRunIsPublishedMeanwhile() {
		var context = GraphQLContext.newContext().build();
		var lookups = new AtomicInteger();

		String first = PublishedRun.idFor(context, () -> new Publication("run-" + lookups.incrementAndGet(), "credit-" + lookups.get()));
		String second = PublishedRun.idFor(context, () -> new Publication("run-" + lookups.incrementAndGet(), null));
		String credit = PublishedRun.creditRunIdFor(context, () -> new Publication("run-" + lookups.incrementAndGet(), "late"));

		assertThat(first).isEqualTo("run-1").isEqualTo(second);
		assertThat(credit).as("from the same lookup as the run").isEqualTo("credit-1");
		assertThat(lookups).hasValue(1);
	}

	@Test
	void noPublishedRunIsRememberedToo() {
		var context = GraphQLContext.newContext().build();
		var lookups = new AtomicInteger();

		assertThat(PublishedRun.idFor(context, () -> { lookups.incrementAndGet(); return Publication.NONE; })).isNull();
		assertThat(PublishedRun.idFor(context, () -> { lookups.incrementAndGet(); return new Publication("late", "late"); })).isNull();
		assertThat(lookups).hasValue(1);
	}

}
