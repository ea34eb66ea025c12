package com.powerkg.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.run.RunParameter;
import com.powerkg.run.RunRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GraphTest
class AnalyticsRunsTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	AnalyticsService analytics;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	CsvImporter importer;

	@Autowired
	Driver driver;

	@Autowired
	com.powerkg.tagging.TaggingStage tagging;

	@Autowired
	com.powerkg.segmentation.SegmentationStage segmentation;

	@Autowired
	com.powerkg.credit.CreditStage credit;

	@AfterEach
	void noRunIsLeftActive() {
		this.runs.failInterruptedRuns("test clean-up");
	}

	@Test
	void aSecondRunWhileOneIsActiveIsRefusedWithTheActiveRunNamed() {
		this.runs.start("run-held-by-another-process", AS_OF);

		assertThatThrownBy(() -> this.analytics.run(AS_OF)).isInstanceOf(RunRefusedException.class)
			.hasMessageContaining("another analytics run is active: run-held-by-another-process");
	}

	@Test
	void anInterruptedRunIsMarkedFailedAndItsPartialResultsGoWhileThePublishedRunStays() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		String published = this.analytics.run(AS_OF).runId();
		long publishedTags = count("MATCH ()-[h:HAS_TAG {run: $run}]->() RETURN count(h) AS n", published);
		this.runs.start("run-killed-half-way", AS_OF);
		this.driver.executableQuery("MATCH (c:Customer {id: 'T_ARR2'}), (t:Tag {code: 'REPEATED_ARREARS'}) "
				+ "CREATE (c)-[:HAS_TAG {run: 'run-killed-half-way', evidence: ['x'], explanation: 'partial'}]->(t)").execute();

		assertThat(this.runs.failInterruptedRuns("the process ended during the run")).containsExactly("run-killed-half-way");

		assertThat(count("MATCH ()-[h:HAS_TAG {run: $run}]->() RETURN count(h) AS n", "run-killed-half-way")).isZero();
		assertThat(count("MATCH ()-[h:HAS_TAG {run: $run}]->() RETURN count(h) AS n", published)).isEqualTo(publishedTags);
		assertThat(this.analytics.latest(5)).filteredOn(r -> r.id().equals("run-killed-half-way")).singleElement()
			.satisfies(r -> {
				assertThat(r.status()).isEqualTo("FAILED");
				assertThat(r.message()).isEqualTo("the process ended during the run");
			});
		assertThat(this.analytics.latest(5)).filteredOn(AnalyticsRun::current).singleElement()
			.satisfies(r -> assertThat(r.id()).isEqualTo(published));
		assertThat(this.analytics.run(AS_OF).runId()).as("the next run may start").isNotEqualTo(published);
	}

	@Test
	void cleanupAfterPublishingNeverTouchesARunThatIsStillRunning() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		this.analytics.run(AS_OF);
		this.runs.start("run-of-another-process", AS_OF);
		this.driver.executableQuery("MATCH (c:Customer {id: 'T_ARR2'}), (t:Tag {code: 'REPEATED_ARREARS'}) "
				+ "CREATE (c)-[:HAS_TAG {run: 'run-of-another-process', evidence: ['x'], explanation: 'written'}]->(t)").execute();

		this.runs.deleteUnpublishedResults();

		assertThat(count("MATCH ()-[h:HAS_TAG {run: $run}]->() RETURN count(h) AS n", "run-of-another-process")).isEqualTo(1);
	}

	@Test
	void aFailureAfterPublishingLeavesThePublishedRunSucceeded() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		var failingCleanup = new AnalyticsRuns(this.driver, AnalyticsProperties.DEFAULTS.runs()) {
			@Override
			public void deleteUnpublishedResults() {
				throw new IllegalStateException("database went away during clean-up");
			}
		};
		var service = new AnalyticsService(failingCleanup, this.tagging, this.segmentation, this.credit);

		String id = service.run(AS_OF).runId();

		assertThat(this.analytics.latest(1)).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo(id);
			assertThat(r.current()).isTrue();
			assertThat(r.status()).isEqualTo("SUCCEEDED");
		});
	}

	@Test
	void aStageThatThrowsFailsTheRunWithItsMessageAndKeepsThePreviousRunPublished() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		String published = this.analytics.run(AS_OF).runId();
		var brokenStage = new com.powerkg.tagging.TaggingStage(this.driver) {
			@Override
			public Tagger prepare() {
				throw new OutOfMemoryError("simulated");
			}
		};

		assertThatThrownBy(() -> new AnalyticsService(this.runs, brokenStage, this.segmentation, this.credit).run(AS_OF)).isInstanceOf(OutOfMemoryError.class);

		assertThat(this.analytics.latest(1)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo("FAILED");
			assertThat(r.message()).isEqualTo("simulated");
		});
		assertThat(this.analytics.latest(5)).filteredOn(AnalyticsRun::current).singleElement()
			.satisfies(r -> assertThat(r.id()).isEqualTo(published));
	}

	/** A run analysed before the tag counts were typed keeps them: V0015 turns "CODE=count" into two typed lists. */
	@Test
	void tagCountsOfARunAnalysedBeforeTheyWereTypedAreKeptByTheMigration() throws IOException {
		this.driver.executableQuery("CREATE (:AnalyticsRun {id: 'run-before-v0015', asOf: date('2025-01-20'), status: 'FAILED', "
				+ "startedAt: localdatetime('2025-01-20T01:00'), tagCounts: ['SETTLES_EARLY=12', 'REPEATED_ARREARS=0']})").execute();
		try {
			String script = Files.readString(Path.of("cypher/migrations/V0015__Typed_tag_counts.cypher"));
			this.driver.executableQuery(script.substring(0, script.lastIndexOf(';'))).execute();

			assertThat(this.runs.byId("run-before-v0015")).get().satisfies(run -> assertThat(run.tagCounts())
				.containsExactly(Map.entry("SETTLES_EARLY", 12L), Map.entry("REPEATED_ARREARS", 0L)));
			assertThat(count("MATCH (r:AnalyticsRun {id: $run}) WHERE r.tagCounts IS NOT NULL RETURN count(r) AS n", "run-before-v0015"))
				.isZero();
		}
		finally {
			this.driver.executableQuery("MATCH (r:AnalyticsRun {id: 'run-before-v0015'}) DELETE r").execute();
		}
	}

	/** A run analysed before its rule parameters were typed keeps them: V0019 splits "TAG.name=value" into three lists. */
	@Test
	void ruleParametersOfARunAnalysedBeforeTheyWereTypedAreKeptByTheMigration() throws IOException {
		this.driver.executableQuery("CREATE (:AnalyticsRun {id: 'run-before-v0019', asOf: date('2025-01-20'), status: 'FAILED', "
				+ "startedAt: localdatetime('2025-01-20T01:00'), parameters: ['REPEATED_ARREARS.minOverdueBills=3', "
				+ "'DUNNING_AVERSE.methods=[PHONE, SMS]', 'BILLING_ANOMALY.ratio=0.3']})").execute();
		try {
			String script = Files.readString(Path.of("cypher/migrations/V0019__Typed_run_parameters.cypher"));
			this.driver.executableQuery(script.substring(0, script.lastIndexOf(';'))).execute();

			assertThat(this.runs.byId("run-before-v0019")).get().satisfies(run -> assertThat(run.ruleParameters()).containsExactly(
					new RunParameter("REPEATED_ARREARS", "minOverdueBills", "3"), new RunParameter("DUNNING_AVERSE", "methods", "PHONE, SMS"),
					new RunParameter("BILLING_ANOMALY", "ratio", "0.3")));
			assertThat(count("MATCH (r:AnalyticsRun {id: $run}) WHERE r.parameters IS NOT NULL RETURN count(r) AS n", "run-before-v0019"))
				.isZero();
		}
		finally {
			this.driver.executableQuery("MATCH (r:AnalyticsRun {id: 'run-before-v0019'}) DELETE r").execute();
		}
	}

	private long count(String cypher, String run) {
		return this.driver.executableQuery(cypher).withParameters(Map.of("run", run)).execute().records().getFirst().get("n").asLong();
	}

}
