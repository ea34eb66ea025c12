package com.powerkg.api;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlResponse;
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

	/**
	 * Stopped while a warm-up request is under way, the service waits for its answer before it goes on closing (the
	 * driver and the database would otherwise close under the request). The request is held until the close has begun.
	 */
	@Test
	void aStopWaitsForTheWarmUpRequestUnderWay() throws Exception {
		var entered = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var answered = new AtomicReference<ExecutionGraphQlResponse>();
		ExecutionGraphQlService held = request -> {
			entered.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.graphQlService.execute(request).doOnNext(answered::set);
		};
		var warmUp = new ServingWarmUp(held, true);
		warmUp.onReady();
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		try (var closer = Executors.newSingleThreadExecutor()) {
			CompletableFuture<Void> close = CompletableFuture.runAsync(warmUp::onClose, closer);
			Thread.sleep(300);
			assertThat(close).as("the close waits for the request under way").isNotDone();
			release.countDown();
			close.get(10, TimeUnit.SECONDS);
		}

		assertThat(answered.get()).as("the request under way was answered before the close went on").isNotNull();
		assertThat(answered.get().getErrors()).isEmpty();
	}

}
