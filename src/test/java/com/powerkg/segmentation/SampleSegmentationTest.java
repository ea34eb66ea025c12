package com.powerkg.segmentation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.TestNeo4j;
import com.powerkg.analytics.AnalyticsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue C's acceptance on the committed sample (2,000 customers), analysed at start-up as of 2026-11-20: levels
 * populated and ordered sensibly (checked against figures computed here straight from bills, consumption and
 * tags), determinism, and transitions between runs through GraphQL. Own database: it runs several analyses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class SampleSegmentationTest {

	static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 11, 20);

	static ConfigurableApplicationContext context;

	static Driver driver;

	static GraphQlTester graphQl;

	@BeforeAll
	static void startWithTheSample() {
		context = new SpringApplicationBuilder(com.powerkg.PowerKgApplication.class).web(WebApplicationType.NONE)
			.run("--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(), "--powerkg.neo4j.embedded.bolt-port=0",
					"--powerkg.import.reports-directory=target/test-reports/sample-segments");
		driver = context.getBean(Driver.class);
		graphQl = ExecutionGraphQlServiceTester.create(context.getBean(ExecutionGraphQlService.class));
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	static List<Record> query(String cypher) {
		return driver.executableQuery("MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun) WITH run.id AS run "
				+ cypher).execute().records();
	}

	static Map<String, Double> meanPerLevel(String dimension, String perCustomerValue) {
		Map<String, Double> means = new java.util.HashMap<>();
		query("MATCH (c:Customer)-[m:IN_SEGMENT]->(s:Segment {dimension: '" + dimension + "'}) WHERE m.run = run "
				+ perCustomerValue + " RETURN s.level AS level, avg(value) AS mean")
			.forEach(r -> means.put(r.get("level").asString(), r.get("mean").asDouble()));
		return means;
	}

	static List<Record> analystQuery(String file) {
		try {
			String cypher = java.nio.file.Files.readString(java.nio.file.Path.of("cypher/queries", file)).strip();
			return driver.executableQuery(cypher.substring(0, cypher.length() - 1))
				.withParameters(Map.of("dimension", "REVENUE_CONTRIBUTION")).execute().records();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	@Order(1)
	void everyCustomerIsInExactlyOneSegmentPerDimensionAndEveryLevelIsPopulated() {
		var perLevel = query("""
				MATCH (s:Segment)
				OPTIONAL MATCH (c:Customer)-[m:IN_SEGMENT]->(s) WHERE m.run = run
				RETURN s.dimension + '/' + s.level AS segment, count(c) AS customers""");
		assertThat(perLevel).hasSize(13).allSatisfy(r -> assertThat(r.get("customers").asLong()).as(r.get("segment").asString()).isPositive());
		var notExactlyOne = query("""
				MATCH (c:Customer)
				UNWIND ['REVENUE_CONTRIBUTION', 'SOCIAL_INFLUENCE', 'GROWTH_POTENTIAL', 'ARREARS_RISK'] AS dimension
				WITH c, dimension, COUNT { (c)-[m:IN_SEGMENT]->(:Segment {dimension: dimension}) WHERE m.run = run } AS n
				WHERE n <> 1
				RETURN count(*) AS n""");
		assertThat(notExactlyOne.getFirst().get("n").asLong()).isZero();
	}

	@Test
	@Order(2)
	void revenueLevelsFollowAnnualRevenueComputedFromTheBills() {
		var revenue = meanPerLevel("REVENUE_CONTRIBUTION", """
				WITH s, sum(COLLECT { MATCH (c)-[:BILLED]->(b:Bill) WHERE b.period >= '2025-11' AND b.period <= '2026-10'
				                      RETURN b.amount }) AS value""".replace("sum(COLLECT", "reduce(t = 0.0, a IN COLLECT").replace("RETURN b.amount })", "RETURN b.amount } | t + a)"));
		assertThat(revenue.get("HIGH")).isGreaterThan(revenue.get("MEDIUM"));
		assertThat(revenue.get("MEDIUM")).isGreaterThan(revenue.get("LOW"));
	}

	@Test
	@Order(3)
	void growthLevelsFollowTheYearOnYearChangeOfConsumption() {
		var growth = meanPerLevel("GROWTH_POTENTIAL", """
				WITH s, COLLECT { MATCH (c)-[:CONSUMED]->(u) WHERE u.month >= '2025-11' AND u.month <= '2026-10' RETURN u.kwh } AS recent,
				        COLLECT { MATCH (c)-[:CONSUMED]->(u) WHERE u.month >= '2024-11' AND u.month <= '2025-10' RETURN u.kwh } AS earlier
				WHERE size(recent) = 12 AND size(earlier) = 12
				WITH s, log((reduce(t = 0.0, k IN recent | t + k) + 1) / (reduce(t = 0.0, k IN earlier | t + k) + 1)) AS value""");
		assertThat(growth.get("FAST_GROWTH")).isGreaterThan(growth.get("STEADY_GROWTH"));
		assertThat(growth.get("STEADY_GROWTH")).isGreaterThan(growth.get("STABLE"));
		assertThat(growth.get("STABLE")).isGreaterThan(growth.get("DECLINING"));
		assertThat(growth.get("DECLINING")).isNegative();
	}

	@Test
	@Order(4)
	void arrearsRiskFollowsRepeatedArrearsAndSocialInfluenceFollowsSupplySizeAndImportance() {
		var arrears = meanPerLevel("ARREARS_RISK", """
				WITH s, CASE WHEN EXISTS { MATCH (c)-[h:HAS_TAG]->(:Tag {code: 'REPEATED_ARREARS'}) WHERE h.run = run } THEN 1.0 ELSE 0.0 END AS value""");
		assertThat(arrears.get("HIGH")).isGreaterThan(arrears.get("MEDIUM"));
		assertThat(arrears.get("MEDIUM")).isGreaterThanOrEqualTo(arrears.get("LOW"));
		var voltage = meanPerLevel("SOCIAL_INFLUENCE", "WITH s, coalesce(c.voltageKv, 0.22) AS value");
		assertThat(voltage.get("HIGH")).isGreaterThan(voltage.get("MEDIUM"));
		assertThat(voltage.get("MEDIUM")).isGreaterThan(voltage.get("LOW"));
		var capacity = meanPerLevel("SOCIAL_INFLUENCE", "WITH s, coalesce(c.contractCapacityKva, 0) AS value");
		assertThat(capacity.get("HIGH")).isGreaterThan(capacity.get("MEDIUM"));
		assertThat(capacity.get("MEDIUM")).isGreaterThan(capacity.get("LOW"));
		var important = meanPerLevel("SOCIAL_INFLUENCE", "WITH s, CASE WHEN c.importance IN ['SPECIAL', 'FIRST', 'SECOND'] THEN 1.0 ELSE 0.0 END AS value");
		assertThat(important.get("HIGH")).as("share of important customers (特级/一级/二级)").isGreaterThan(important.get("LOW"));
		assertThat(important.get("MEDIUM")).isGreaterThan(important.get("LOW"));
	}

	@Test
	@Order(5)
	void segmentsCustomerSegmentsAndTheSegmentFilterThroughGraphQl() {
		var summaries = graphQl.document("""
				{ segments(dimension: GROWTH_POTENTIAL) { dimension level nameZh customerCount share centroid { feature unit value } } }""")
			.execute().path("segments").entityList(Map.class).get();
		assertThat(summaries).extracting(m -> m.get("level")).containsExactly("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING");
		assertThat(summaries.stream().mapToInt(m -> (Integer) m.get("customerCount")).sum()).isEqualTo(2000);
		assertThat(summaries).allSatisfy(m -> assertThat((List<?>) m.get("centroid")).hasSize(4));
		assertThat(graphQl.document("{ segments { level } }").execute().path("segments").entityList(Map.class).get()).hasSize(13);

		String member = query("""
				MATCH (c:Customer)-[m:IN_SEGMENT]->(:Segment {dimension: 'REVENUE_CONTRIBUTION', level: 'HIGH'}) WHERE m.run = run
				RETURN c.id AS id ORDER BY id LIMIT 1""").getFirst().get("id").asString();
		graphQl.document("{ customer(id: \"" + member + "\") { segments { dimension level } } }").execute()
			.path("customer.segments[*].dimension").entityList(String.class)
			.containsExactly("REVENUE_CONTRIBUTION", "SOCIAL_INFLUENCE", "GROWTH_POTENTIAL", "ARREARS_RISK")
			.path("customer.segments[0].level").entity(String.class).isEqualTo("HIGH");

		List<String> filtered = graphQl.document("""
				{ customers(first: 500, filter: {segments: [{dimension: REVENUE_CONTRIBUTION, level: "HIGH"},
				                                             {dimension: ARREARS_RISK, level: "LOW"}]}) { edges { node { id } } } }""")
			.execute().path("customers.edges[*].node.id").entityList(String.class).get();
		List<String> expected = query("""
				MATCH (c:Customer)-[m1:IN_SEGMENT]->(:Segment {dimension: 'REVENUE_CONTRIBUTION', level: 'HIGH'}) WHERE m1.run = run
				MATCH (c)-[m2:IN_SEGMENT]->(:Segment {dimension: 'ARREARS_RISK', level: 'LOW'}) WHERE m2.run = run
				RETURN c.id AS id ORDER BY id LIMIT 500""").stream().map(r -> r.get("id").asString()).toList();
		assertThat(filtered).isNotEmpty().isEqualTo(expected);

		graphQl.document("{ customers(filter: {segments: [{dimension: GROWTH_POTENTIAL, level: \"HIGH\"}]}) { edges { node { id } } } }")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'HIGH' is not a level of GROWTH_POTENTIAL")
					.contains("FAST_GROWTH, STEADY_GROWTH, STABLE, DECLINING")));
	}

	@Test
	@Order(6)
	void theRunRecordsEveryKTriedWithItsQuality() {
		var metrics = graphQl.document("""
				{ analyticsRuns(last: 1) { segmentSeed featureSeconds segmentation { dimension k automatic
				    trials { k withinClusterSumOfSquares silhouette chosen } } } }""")
			.execute().path("analyticsRuns[0].segmentation").entityList(Map.class).get();
		assertThat(metrics).extracting(m -> m.get("dimension") + "=" + m.get("k"))
			.containsExactly("REVENUE_CONTRIBUTION=3", "SOCIAL_INFLUENCE=3", "GROWTH_POTENTIAL=4", "ARREARS_RISK=3");
		assertThat(metrics).allSatisfy(m -> assertThat((List<Map<String, Object>>) m.get("trials")).singleElement()
			.satisfies(t -> {
				assertThat((Double) t.get("withinClusterSumOfSquares")).isPositive();
				assertThat((Double) t.get("silhouette")).isBetween(-1.0, 1.0);
				assertThat(t.get("chosen")).isEqualTo(true);
			}));
	}

	@Test
	@Order(7)
	void sameDataAndSeedGiveIdenticalSegmentsAndAnotherDateGivesATransitionMatrix() {
		var analytics = context.getBean(AnalyticsService.class);
		String first = analytics.latest(1).getFirst().id();

		var again = analytics.run(SAMPLE_AS_OF);
		assertThat(again.segments().comparedWithRun()).isEqualTo(first);
		assertThat(again.segments().transitions()).as("nobody moved: identical segments").isNotEmpty()
			.allSatisfy(t -> assertThat(t.from()).isEqualTo(t.to()));
		assertThat(again.segments().transitions().stream().mapToLong(SegmentationStage.Transition::customers).sum()).isEqualTo(4 * 2000);

		String second = again.runId();
		String third = analytics.run(LocalDate.of(2026, 8, 20)).runId();
		var transitions = graphQl.document("""
				{ analyticsRuns(last: 1) { id comparedWithRun transitions(dimension: REVENUE_CONTRIBUTION) { dimension from to customerCount } } }""")
			.execute().path("analyticsRuns[0].id").entity(String.class).isEqualTo(third)
			.path("analyticsRuns[0].comparedWithRun").entity(String.class).isEqualTo(second)
			.path("analyticsRuns[0].transitions").entityList(Map.class).get();
		assertThat(transitions).allSatisfy(t -> assertThat(t.get("dimension")).isEqualTo("REVENUE_CONTRIBUTION"));
		assertThat(transitions.stream().mapToInt(t -> (Integer) t.get("customerCount")).sum()).isEqualTo(2000);
		assertThat(transitions).as("three months earlier some customers were in another level")
			.anySatisfy(t -> assertThat(t.get("from")).isNotEqualTo(t.get("to")));
		// the previous run's memberships are kept (keep-superseded-runs=1), so the matrix can be checked against them
		for (Map<?, ?> t : transitions) {
			long counted = driver.executableQuery("""
					MATCH (c:Customer)-[now:IN_SEGMENT]->(:Segment {dimension: 'REVENUE_CONTRIBUTION', level: $to}) WHERE now.run = $third
					MATCH (c)-[before:IN_SEGMENT]->(:Segment {dimension: 'REVENUE_CONTRIBUTION', level: $from}) WHERE before.run = $second
					RETURN count(c) AS n""")
				.withParameters(Map.of("to", t.get("to"), "from", t.get("from"), "third", third, "second", second))
				.execute().records().getFirst().get("n").asLong();
			assertThat(counted).as(t.get("from") + " -> " + t.get("to")).isEqualTo(((Integer) t.get("customerCount")).longValue());
		}
		long moved = transitions.stream().filter(t -> !t.get("from").equals(t.get("to")))
			.mapToLong(t -> ((Integer) t.get("customerCount")).longValue()).sum();
		assertThat(analystQuery("09-segment-moves.cypher")).as("the analyst query lists the same moves")
			.hasSize((int) Math.min(200, moved))
			.allSatisfy(r -> assertThat(r.get("from").asString()).isNotEqualTo(r.get("to").asString()));
		assertThat(analystQuery("08-segment-profiles.cypher")).hasSize(13);

		var growth = meanPerLevel("GROWTH_POTENTIAL", """
				WITH s, COLLECT { MATCH (c)-[:CONSUMED]->(u) WHERE u.month >= '2026-05' AND u.month <= '2026-07' RETURN u.kwh } AS recent,
				        COLLECT { MATCH (c)-[:CONSUMED]->(u) WHERE u.month >= '2025-05' AND u.month <= '2025-07' RETURN u.kwh } AS earlier
				WHERE size(recent) = 3 AND size(earlier) = 3
				WITH s, log((reduce(t = 0.0, k IN recent | t + k) + 1) / (reduce(t = 0.0, k IN earlier | t + k) + 1)) AS value""");
		assertThat(growth.get("FAST_GROWTH")).as("as of 2026-08-20 there is no 24-month history: the 3-month growth ranks")
			.isGreaterThan(growth.get("STABLE")).isGreaterThan(growth.get("DECLINING"));

		long firstRunsMemberships = driver.executableQuery("MATCH ()-[m:IN_SEGMENT {run: $first}]->() RETURN count(m) AS n")
			.withParameters(Map.of("first", first)).execute().records().getFirst().get("n").asLong();
		assertThat(firstRunsMemberships).as("older than the retention: deleted").isZero();
	}

}
