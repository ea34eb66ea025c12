package com.powerkg.api;

import java.time.LocalDate;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up after a start asks each serving kind once, as a real client would, and each answers without an error
 * (a field renamed in the schema, or a resolver that fails on the published run, shows here, not only as a warning in
 * a start-up log). What it saves a service's first users is measured, not asserted: docs/benchmarks.md.
 */
@GraphTest
class ServingWarmUpTest {

	@Autowired
	ServingWarmUp warmUp;

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	ExecutionGraphQlService graphQlService;

	@Test
	void eachServingKindIsAskedOnceOnThePublishedRunAndAnswers() {
		this.importer.importDirectory(Fixtures.directory("small"));
		this.analytics.run(LocalDate.of(2026, 11, 20));

		ServingWarmUp.Result result = this.warmUp.warmUp();

		assertThat(result.skipped()).isNull();
		assertThat(result.kinds()).containsOnlyKeys(ServingWarmUp.KINDS.stream().map(ServingWarmUp.Kind::name).toList());
		assertThat(result.kinds()).allSatisfy((kind, error) -> assertThat(error).as(kind).isNull());
	}

	@Test
	void aServiceThatIsStoppingAsksNothingMore() {
		var warmUp = new ServingWarmUp(this.graphQlService, true);
		warmUp.onClose();

		ServingWarmUp.Result result = warmUp.warmUp();

		assertThat(result.skipped()).isEqualTo("the service is stopping");
		assertThat(result.kinds()).isEmpty();
	}

}
