package com.powerkg.segmentation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.analytics.AnalyticsRuns;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The segment stage inside real runs on the shared database: automatic k, and a failed run's segments go. */
@GraphTest
class SegmentationStageTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	Driver driver;

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	TaggingStage tagging;

	@Autowired
	com.powerkg.credit.CreditStage credit;

	@BeforeEach
	void customersWithHistories() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		this.importer.importDirectory(Fixtures.directory("late-payer"));
	}

	@AfterEach
	void noRunIsLeftActive() {
		this.runs.failInterruptedRuns("test clean-up");
	}

	List<Record> query(String cypher, String run) {
		return this.driver.executableQuery(cypher).withParameters(Map.of("run", run)).execute().records();
	}

	@Test
	void automaticKTriesTwoToEightAndKeepsTheBestSilhouette() {
		var auto = new SegmentationProperties(Map.of("arrears-risk", "auto"), 42, 2, 100, 2000, 7);
		var service = new AnalyticsService(this.runs, this.tagging, new SegmentationStage(this.driver, auto), this.credit);

		var outcome = service.run(AS_OF);

		var arrears = outcome.segments().dimensions().stream().filter(d -> d.dimension() == Dimension.ARREARS_RISK).findFirst().orElseThrow();
		assertThat(arrears.automatic()).isTrue();
		assertThat(arrears.trials()).extracting(KMeansSegmenter.Trial::k).startsWith(2, 3).isSorted();
		double best = arrears.trials().stream().mapToDouble(KMeansSegmenter.Trial::silhouette).max().orElseThrow();
		var stored = query("""
				MATCH (:AnalyticsRun {id: $run})-[:TRIED]->(t:ClusteringTrial {dimension: 'ARREARS_RISK'})
				RETURN t.k AS k, t.silhouette AS silhouette, t.chosen AS chosen ORDER BY k""", outcome.runId());
		assertThat(stored).hasSameSizeAs(arrears.trials());
		assertThat(stored).filteredOn(r -> r.get("chosen").asBoolean()).singleElement().satisfies(r -> {
			assertThat(r.get("k").asInt()).isEqualTo(arrears.k());
			assertThat(r.get("silhouette").asDouble()).isEqualTo(best);
		});
		assertThat(query("MATCH (r:AnalyticsRun {id: $run}) RETURN r.segmentParameters AS p", outcome.runId()).getFirst().get("p")
			.asList(org.neo4j.driver.Value::asString)).as("every clustering parameter is on the run")
			.containsExactly("seed=42", "restarts=2", "maxIterations=100", "silhouetteSample=2000");
		assertThat(query("MATCH (r:AnalyticsRun {id: $run}) RETURN r.segmentK AS k", outcome.runId()).getFirst().get("k")
			.asList(org.neo4j.driver.Value::asString)).contains("ARREARS_RISK=" + arrears.k() + " (auto)", "REVENUE_CONTRIBUTION=3");
		assertThat(query("""
				MATCH (:AnalyticsRun {id: $run})-[:TRIED]->(t:ClusteringTrial {dimension: 'REVENUE_CONTRIBUTION'}) RETURN t.k AS k""",
				outcome.runId())).as("fixed k: one trial").singleElement().satisfies(r -> assertThat(r.get("k").asInt()).isEqualTo(3));
	}

	@Test
	void aRunThatFailsAfterSegmentingLeavesNoMembershipsOrFiguresOfIt() {
		var failing = new SegmentationStage(this.driver, SegmentationProperties.DEFAULTS) {
			@Override
			public Result segment(String runId, FeatureMatrix matrix, java.time.Duration featureTime, String previousRunId) {
				super.segment(runId, matrix, featureTime, previousRunId);
				throw new IllegalStateException("disk full after segmenting");
			}
		};
		var service = new AnalyticsService(this.runs, this.tagging, failing, this.credit);

		assertThatThrownBy(() -> service.run(AS_OF)).hasMessage("disk full after segmenting");

		String failed = this.runs.latest(1).getFirst().id();
		assertThat(this.runs.latest(1).getFirst().status()).isEqualTo("FAILED");
		assertThat(query("""
				RETURN COUNT { ()-[m:IN_SEGMENT]->() WHERE m.run = $run } AS memberships,
				       COUNT { (n:SegmentProfile|ClusteringTrial|SegmentTransition) WHERE n.run = $run } AS figures""", failed))
			.singleElement().satisfies(r -> {
				assertThat(r.get("memberships").asLong()).isZero();
				assertThat(r.get("figures").asLong()).isZero();
			});
	}

	@Test
	void withoutRetentionOnlyThePublishedRunKeepsItsMemberships() {
		var noRetention = new AnalyticsRuns(this.driver, new AnalyticsProperties(0, "", 1, java.time.Duration.ofMinutes(10), ""));
		var stage = new SegmentationStage(this.driver, SegmentationProperties.DEFAULTS);
		var service = new AnalyticsService(noRetention, this.tagging, stage, this.credit);
		String first = service.run(AS_OF).runId();
		String second = service.run(AS_OF).runId();

		assertThat(query("RETURN COUNT { ()-[m:IN_SEGMENT]->() WHERE m.run = $run } AS n", first).getFirst().get("n").asLong()).isZero();
		assertThat(query("RETURN COUNT { ()-[m:IN_SEGMENT]->() WHERE m.run = $run } AS n", second).getFirst().get("n").asLong()).isPositive();
		assertThat(query("MATCH (:AnalyticsRun {id: $run})-[:MOVED]->(t) RETURN sum(t.customers) AS n", second).getFirst().get("n").asLong())
			.as("the transitions of the second run stay, though the first run's memberships are gone")
			.isEqualTo(query("RETURN COUNT { ()-[m:IN_SEGMENT]->() WHERE m.run = $run } AS n", second).getFirst().get("n").asLong());
	}

}
