package com.powerkg.segmentation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.run.RunSettings;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The segment stage inside real runs on the shared database: automatic k, and a failed run's segments go. */
@GraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

	@Autowired
	org.springframework.graphql.test.tester.GraphQlTester graphQl;

	/** Once for the class (an instance per class): no test here changes the fixtures' rows; each import took about 0.5 s. */
	@BeforeAll
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
	void automaticKTriesTwoToEightAndKeepsTheBestSilhouetteWithinTheSizeLimits() {
		var auto = new SegmentationProperties(Map.of("arrears-risk", "auto"), 42, 2, 100, 2000, 7);
		var service = new AnalyticsService(this.runs, this.tagging, new SegmentationStage(this.driver, auto), this.credit);

		var outcome = service.run(AS_OF);

		var arrears = outcome.segments().dimensions().stream().filter(d -> d.dimension() == Dimension.ARREARS_RISK).findFirst().orElseThrow();
		assertThat(arrears.automatic()).isTrue();
		assertThat(arrears.trials()).extracting(DimensionSegmenter.Trial::k).startsWith(2, 3).isSorted();
		var within = arrears.trials().stream().filter(DimensionSegmenter.Trial::withinSizeLimits).toList();
		double best = (within.isEmpty() ? arrears.trials() : within).stream().mapToDouble(DimensionSegmenter.Trial::silhouette).max()
			.orElseThrow();
		if (within.isEmpty()) {
			assertThat(arrears.warnings()).extracting(DimensionSegmenter.Warning::kind)
				.contains(DimensionSegmenter.Warning.Kind.NO_K_WITHIN_SIZE_LIMITS);
		}
		var stored = query("""
				MATCH (:AnalyticsRun {id: $run})-[:TRIED]->(t:ClusteringTrial {dimension: 'ARREARS_RISK'})
				RETURN t.k AS k, t.silhouette AS silhouette, t.chosen AS chosen, t.withinSizeLimits AS within,
				       t.largestLevelShare AS largest ORDER BY k""", outcome.runId());
		assertThat(stored).hasSameSizeAs(arrears.trials());
		assertThat(stored).allSatisfy(r -> assertThat(r.get("largest").asDouble()).isBetween(0.0, 1.0));
		assertThat(stored).filteredOn(r -> r.get("chosen").asBoolean()).singleElement().satisfies(r -> {
			assertThat(r.get("k").asInt()).isEqualTo(arrears.k());
			assertThat(r.get("silhouette").asDouble()).isEqualTo(best);
		});
		var run = query("MATCH (r:AnalyticsRun {id: $run}) RETURN r", outcome.runId()).getFirst().get("r");
		assertThat(run.get("segmentSeed").asLong()).as("every clustering parameter is on the run, as a number").isEqualTo(42);
		assertThat(run.get("segmentRestarts").asInt()).isEqualTo(2);
		assertThat(run.get("segmentMaxIterations").asInt()).isEqualTo(100);
		assertThat(run.get("segmentSilhouetteSample").asInt()).isEqualTo(2000);
		assertThat(run.get("segmentMaxLevelShare").asDouble()).isEqualTo(0.70);
		assertThat(run.get("segmentStoppedMonths").asInt()).isEqualTo(3);
		assertThat(query("""
				MATCH (:AnalyticsRun {id: $run})-[:SEGMENTED]->(d:SegmentDimension) RETURN d.dimension AS dimension, d.k AS k,
				       d.automatic AS automatic ORDER BY dimension""", outcome.runId()))
			.extracting(r -> r.get("dimension").asString() + "=" + r.get("k").asInt() + (r.get("automatic").asBoolean() ? " (auto)" : ""))
			.contains("ARREARS_RISK=" + arrears.k() + " (auto)", "REVENUE_CONTRIBUTION=3");
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
				       COUNT { (n:SegmentProfile|ClusteringTrial|SegmentTransition|SegmentDimension|ClusterNaming|FeatureDistribution|SegmentWarning)
				               WHERE n.run = $run } AS figures""", failed))
			.singleElement().satisfies(r -> {
				assertThat(r.get("memberships").asLong()).isZero();
				assertThat(r.get("figures").asLong()).isZero();
			});
	}

	@Test
	void withoutRetentionOnlyThePublishedRunKeepsItsMemberships() {
		var noRetention = new AnalyticsRuns(this.driver, new RunSettings(0, Duration.ofMinutes(10)));
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

	@Test
	@SuppressWarnings("unchecked")
	void theRunsSegmentationFiguresAndWhyACustomerWasNotClusteredAreReadableThroughGraphQl() {
		var service = new AnalyticsService(this.runs, this.tagging, new SegmentationStage(this.driver, SegmentationProperties.DEFAULTS),
				this.credit);
		String run = service.run(AS_OF).runId();

		var metrics = this.graphQl.document("""
				{ analyticsRuns(last: 1) { id segmentParameters { maxLevelShare minLevelShare stableGrowthBand stoppedMonths }
				    segmentation { dimension k definingFeature customers clustered namesHold picture
				      levels { level clustered customerCount share clusters definingFrom definingTo centroid { feature value } }
				      excluded { level reason customerCount }
				      naming { rank positional level holds anchor value }
				      features { feature transform percentiles raw transformed lowerCap upperCap cappedBelow cappedAbove customers }
				      warnings { kind level value limit message } } } }""")
			.execute()
			.path("analyticsRuns[0].id").entity(String.class).isEqualTo(run)
			.path("analyticsRuns[0].segmentParameters.maxLevelShare").entity(Double.class).isEqualTo(0.70)
			.path("analyticsRuns[0].segmentParameters.stoppedMonths").entity(Integer.class).isEqualTo(3)
			.path("analyticsRuns[0].segmentation").entityList(Map.class).get();
		assertThat(metrics).extracting(m -> m.get("dimension")).containsExactly("REVENUE_CONTRIBUTION", "SOCIAL_INFLUENCE",
				"GROWTH_POTENTIAL", "ARREARS_RISK");
		Map<String, Object> growth = metrics.get(2);
		long customers = ((Number) growth.get("customers")).longValue();
		assertThat(customers).isPositive();
		// the fixtures have no consumption at all: nobody's growth can be measured
		assertThat(growth.get("clustered")).isEqualTo(0);
		assertThat(growth.get("k")).isEqualTo(0);
		assertThat((List<Map<String, Object>>) growth.get("excluded")).singleElement().satisfies(e -> {
			assertThat(e.get("level")).isEqualTo("INSUFFICIENT_HISTORY");
			assertThat(e.get("reason")).isEqualTo("NO_CONSUMPTION_DATA");
			assertThat(((Number) e.get("customerCount")).longValue()).isEqualTo(customers);
		});
		assertThat((List<Map<String, Object>>) growth.get("warnings")).extracting(w -> w.get("kind"))
			.contains("NOTHING_CLUSTERED", "LEVEL_TOO_LARGE");
		assertThat((List<Map<String, Object>>) growth.get("levels")).extracting(l -> l.get("level"))
			.containsExactly("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING", "STOPPED", "INSUFFICIENT_HISTORY");
		assertThat((String) growth.get("picture")).startsWith("<svg").contains("INSUFFICIENT_HISTORY");

		Map<String, Object> arrears = metrics.get(3);
		assertThat(arrears.get("definingFeature")).isEqualTo("OVERDUE_BILLS");
		assertThat((List<Map<String, Object>>) arrears.get("features")).hasSize(4).allSatisfy(f -> {
			assertThat((List<?>) f.get("percentiles")).hasSize(9);
			assertThat((List<?>) f.get("raw")).hasSize(9);
			assertThat((List<?>) f.get("transformed")).hasSize(9);
		});
		assertThat((List<Map<String, Object>>) arrears.get("naming")).isNotEmpty()
			.allSatisfy(n -> assertThat((String) n.get("anchor")).isNotBlank());
		assertThat(((List<Map<String, Object>>) arrears.get("levels")).stream().mapToLong(l -> ((Number) l.get("customerCount")).longValue())
			.sum()).isEqualTo(customers);

		this.graphQl.document("{ customer(id: \"T_ARR3\") { segments { dimension level reason distance capped } } }").execute()
			.path("customer.segments[2].dimension").entity(String.class).isEqualTo("GROWTH_POTENTIAL")
			.path("customer.segments[2].level").entity(String.class).isEqualTo("INSUFFICIENT_HISTORY")
			.path("customer.segments[2].reason").entity(String.class).isEqualTo("NO_CONSUMPTION_DATA")
			.path("customer.segments[2].distance").valueIsNull()
			.path("customer.segments[3].distance").entity(Double.class).satisfies(d -> assertThat(d).isNotNegative());
		this.graphQl.document("""
				{ customers(first: 50, filter: {segments: [{dimension: GROWTH_POTENTIAL, level: "INSUFFICIENT_HISTORY"}]}) {
				    edges { node { id } } } }""").execute()
			.path("customers.edges").entityList(Object.class).hasSizeGreaterThan(0);
	}

	@Test
	void theSegmentNodesOfTheMigrationsAreEveryLevelOfEveryDimensionInOrder() {
		for (Dimension dimension : Dimension.values()) {
			assertThat(this.driver.executableQuery("MATCH (s:Segment {dimension: $d}) RETURN s.level AS level ORDER BY s.ordinal")
				.withParameters(Map.of("d", dimension.name())).execute().records())
				.extracting(r -> r.get("level").asString()).as(dimension.name()).containsExactlyElementsOf(dimension.allLevels());
		}
	}

}
