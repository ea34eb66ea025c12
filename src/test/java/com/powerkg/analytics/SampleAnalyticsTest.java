package com.powerkg.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.powerkg.Http;
import com.powerkg.TestCallers;
import com.powerkg.TestNeo4j;
import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.generate.GeneratorConfig;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TagCode;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues C and D on the committed sample (2,000 customers), analysed at start-up as of 2026-11-20. Segments: levels
 * populated and ordered sensibly (checked against figures computed here straight from bills, consumption and
 * tags), determinism, transitions between runs through GraphQL. Credit: grades, PD order, reasons, held-out
 * quality, what-if, and the quality floor that keeps earlier ratings. Own database: it runs several analyses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
@ExtendWith(OutputCaptureExtension.class)
class SampleAnalyticsTest {

	static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 11, 20);

	static ConfigurableApplicationContext context;

	static Driver driver;

	static GraphQlTester graphQl;

	/** What the fresh start logged. */
	static String startLog;

	/** The service's HTTP port. */
	static int port;

	private static final Path REPORTS = Path.of("target/test-reports/sample-analytics");

	@BeforeAll
	static void startWithTheSample(CapturedOutput output) throws IOException {
		// a reject report from an earlier build must not pass for one of this start
		FileSystemUtils.deleteRecursively(REPORTS);
		// served over HTTP as a new user starts it: the README's examples (ReadmeExamples, last) ask it through the endpoint
		context = new SpringApplicationBuilder(com.powerkg.PowerKgApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(),
					"--powerkg.neo4j.embedded.bolt-port=0", "--powerkg.import.reports-directory=" + REPORTS,
					// as before it served HTTP: no background requests beside the tests' (ServingWarmUpTest has the warm-up)
					"--powerkg.graphql.warm-up=false");
		port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		startLog = output.getAll();
		driver = context.getBean(Driver.class);
		graphQl = TestCallers.as(ExecutionGraphQlServiceTester.create(context.getBean(ExecutionGraphQlService.class)),
				TestCallers.MARKETING);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
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
			String cypher = Files.readString(Path.of("cypher/queries", file)).strip();
			return driver.executableQuery(cypher.substring(0, cypher.length() - 1))
				.withParameters(Map.of("dimension", "REVENUE_CONTRIBUTION")).execute().records();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a newcomer's first start shows: the whole committed sample, without a reject, analysed with every tag. */
	@Test
	@Order(0)
	void aFreshStartLoadsTheWholeSampleWithoutRejectsAndEveryTagOccursWithEvidence() {
		var counts = driver.executableQuery("""
				CALL () { MATCH (c:Customer) RETURN count(c) AS customers }
				CALL () { MATCH (b:Bill) RETURN count(b) AS bills }
				CALL () { MATCH (p:Payment) RETURN count(p) AS payments }
				RETURN customers, bills, payments""").execute().records().getFirst();
		assertThat(counts.get("customers").asLong()).isEqualTo(2000);
		assertThat(counts.get("bills").asLong()).isEqualTo(sampleRows("bills.csv"));
		assertThat(counts.get("payments").asLong()).isEqualTo(sampleRows("payments.csv"));
		assertThat(REPORTS).as("no reject report: nothing was rejected")
			.satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

		var runs = context.getBean(AnalyticsService.class).latest(1);
		assertThat(runs).as("the sample is analysed at start-up").singleElement().satisfies(run -> {
			assertThat(run.current()).isTrue();
			assertThat(run.asOf()).isEqualTo(GeneratorConfig.DEFAULT_LAST_PERIOD.plusMonths(1).atDay(20));
			assertThat(run.tagCounts()).as("every tag of SPEC §3 occurs in the sample").hasSize(TagCode.values().length)
				.allSatisfy((tag, customers) -> assertThat(customers).as(tag).isPositive());
		});
		long withoutEvidence = driver.executableQuery("MATCH ()-[h:HAS_TAG]->() WHERE size(h.evidence) = 0 OR h.explanation IS NULL RETURN count(h) AS n")
			.execute().records().getFirst().get("n").asLong();
		assertThat(withoutEvidence).isZero();
	}

	/** StartUp's order on a fresh store: the sample's store is built, then migrated, then the sample is analysed. */
	@Test
	@Order(0)
	void aFreshStartBuildsTheSampleStoreThenMigratesItThenAnalysesIt() {
		assertThat(startLog).containsSubsequence("Sample loaded: Imported ", "(bulk); 0 rejected", "Starting embedded Neo4j",
				"script(s) applied now", "Analysing the sample as of " + SAMPLE_AS_OF,
				"Analytics run run-" + SAMPLE_AS_OF, "published after");
		assertThat(startLog).as("the fresh store got every script").doesNotContain("(0 script(s) applied now");
	}

	private static long sampleRows(String file) {
		try (var lines = Files.lines(Path.of("seed/sample", file))) {
			return lines.count() - 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	@Order(1)
	void everyCustomerIsInExactlyOneSegmentPerDimensionAndEveryLevelIsPopulated() {
		var perLevel = query("""
				MATCH (s:Segment)
				OPTIONAL MATCH (c:Customer)-[m:IN_SEGMENT]->(s) WHERE m.run = run
				RETURN s.dimension + '/' + s.level AS segment, count(c) AS customers""");
		// the paper's 13 levels and growth's STOPPED and INSUFFICIENT_HISTORY: the sample has customers who stopped or started late
		assertThat(perLevel).hasSize(15).allSatisfy(r -> assertThat(r.get("customers").asLong()).as(r.get("segment").asString()).isPositive());
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
		assertThat(summaries).extracting(m -> m.get("level")).containsExactly("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING",
				"STOPPED", "INSUFFICIENT_HISTORY");
		assertThat(summaries.stream().mapToInt(m -> (Integer) m.get("customerCount")).sum()).isEqualTo(2000);
		assertThat(summaries.subList(0, 4)).allSatisfy(m -> assertThat((List<?>) m.get("centroid")).hasSize(4));
		assertThat(graphQl.document("{ segments { level } }").execute().path("segments").entityList(Map.class).get()).hasSize(15);

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
	@Order(6)
	@SuppressWarnings("unchecked")
	void growthLevelsAreContiguousRangesOfGrowthAndTheStoppedAndLateStartersAreExcludedWithTheirReason() {
		var growth = graphQl.document("""
				{ analyticsRuns(last: 1) { segmentation { dimension definingFeature namesHold
				    levels { level clustered customerCount definingFrom definingTo } excluded { level reason customerCount }
				    warnings { kind message } } } }""")
			.execute().path("analyticsRuns[0].segmentation[2]").entity(Map.class).get();
		assertThat(growth.get("dimension")).isEqualTo("GROWTH_POTENTIAL");
		assertThat(growth.get("definingFeature")).isEqualTo("GROWTH_12M");
		var levels = ((List<Map<String, Object>>) growth.get("levels")).stream()
			.filter(l -> (Boolean) l.get("clustered") && (Integer) l.get("customerCount") > 0).toList();
		assertThat(levels).hasSize(4);
		for (int l = 1; l < levels.size(); l++) {
			assertThat((Double) levels.get(l).get("definingTo")).as(levels.get(l).get("level") + " below " + levels.get(l - 1).get("level"))
				.isLessThan((Double) levels.get(l - 1).get("definingFrom"));
		}
		assertThat((List<Map<String, Object>>) growth.get("excluded")).extracting(e -> e.get("level") + "/" + e.get("reason"))
			.contains("STOPPED/STOPPED_CONSUMING", "INSUFFICIENT_HISTORY/STARTED_LATE");
		assertThat((List<Map<String, Object>>) growth.get("warnings")).extracting(w -> w.get("kind")).doesNotContain("LEVEL_TOO_LARGE");
		assertThat(analystQuery("14-segment-diagnostics.cypher")).as("the analyst query shows the same").hasSize(4)
			.filteredOn(r -> r.get("dimension").asString().equals("GROWTH_POTENTIAL")).singleElement()
			.satisfies(r -> assertThat(r.get("notClustered").asList(org.neo4j.driver.Value::asString))
				.anyMatch(line -> line.startsWith("STOPPED STOPPED_CONSUMING: ")));
	}

	@Test
	@Order(6)
	@SuppressWarnings("unchecked")
	void everyCustomerHasOneRatingWithReasonsAndMeanPdRisesFromAaaToC() {
		var perGrade = query("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r:AnalyticsRun)
				MATCH (g:CreditGrade)
				OPTIONAL MATCH (c:Customer)-[rated:RATED]->(g) WHERE rated.run = r.creditRun
				RETURN g.grade AS grade, g.ordinal AS ordinal, count(c) AS customers, avg(rated.pd) AS pd,
				       sum(CASE WHEN size(rated.reasons) = 0 THEN 1 ELSE 0 END) AS withoutReasons
				ORDER BY ordinal""");
		assertThat(perGrade).extracting(r -> r.get("grade").asString()).containsExactly("AAA", "AA", "A", "B", "C");
		assertThat(perGrade).allSatisfy(r -> {
			assertThat(r.get("customers").asLong()).as(r.get("grade").asString()).isPositive();
			assertThat(r.get("withoutReasons").asLong()).isZero();
		});
		assertThat(perGrade.stream().mapToLong(r -> r.get("customers").asLong()).sum()).isEqualTo(2000);
		assertThat(perGrade.stream().map(r -> r.get("pd").asDouble()).toList()).isSorted();

		var summary = graphQl.document("""
				{ analyticsRuns(last: 1) { id credit { model status ratingsRun auc ks gini aucFloor championMargin heldOutRows trainingRows
				    confusion { truePositives falsePositives trueNegatives falseNegatives }
				    models { model champion auc ks gini monotoneViolations message
				             calibration { decile customers meanProbabilityOfDefault observedDefaultRate }
				             indicators coefficients }
				    indicators { indicator group used informationValue populationStability direction
				                 bins { from to missing weightOfEvidence trainingCustomers trainingDefaultRate scoredCustomers } }
				    drift { fired action reasons shiftedIndicators scoredCustomers customersWithoutRecentHistory }
				    labels { outcomeWindowMonths usable pending { observedOn windowEndsOn outcomes } }
				    gradeCounts { grade customers meanProbabilityOfDefault } } } }""")
			.execute().path("analyticsRuns[0].credit").entity(Map.class).get();
		assertThat(summary.get("status")).isEqualTo("RATED");
		List<Map<String, Object>> models = (List<Map<String, Object>>) summary.get("models");
		assertThat(models).extracting(m -> m.get("model")).containsExactlyInAnyOrder("FISHER", "LOGISTIC", "BOOSTED_TREES");
		Map<String, Object> champion = models.stream().filter(m -> (Boolean) m.get("champion")).findFirst().orElseThrow();
		assertThat(champion.get("model")).isEqualTo(summary.get("model"));
		assertThat(champion.get("auc")).isEqualTo(summary.get("auc"));
		// the champion rule: among the monotone models, FISHER unless one is more than the margin better
		List<Map<String, Object>> eligible = models.stream().filter(m -> ((Double) m.get("monotoneViolations")) == 0).toList();
		assertThat(eligible).extracting(m -> m.get("model")).as("positive weights on monotone bins").contains("FISHER", "LOGISTIC");
		models.stream().filter(m -> !eligible.contains(m))
			.forEach(m -> assertThat((String) m.get("message")).as(m.get("model") + "").startsWith("not monotone"));
		double fisher = models.stream().filter(m -> m.get("model").equals("FISHER")).mapToDouble(m -> (Double) m.get("auc")).findFirst().orElseThrow();
		double best = eligible.stream().mapToDouble(m -> (Double) m.get("auc")).max().orElseThrow();
		assertThat(summary.get("model"))
			.isEqualTo(fisher >= best - 0.01 ? "FISHER" : eligible.stream().filter(m -> (Double) m.get("auc") == best).findFirst().orElseThrow().get("model"));
		// generated data: a plumbing check that the model learns what the generator put in, not evidence of quality
		assertThat((Double) summary.get("auc")).isGreaterThan(0.7);
		assertThat((Double) summary.get("gini")).isCloseTo(2 * (Double) summary.get("auc") - 1, org.assertj.core.api.Assertions.within(1e-9));
		Map<String, Integer> confusion = (Map<String, Integer>) summary.get("confusion");
		assertThat(confusion.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(summary.get("heldOutRows"));
		for (Map<String, Object> model : models) {
			List<Map<String, Object>> deciles = (List<Map<String, Object>>) model.get("calibration");
			assertThat(deciles).as(model.get("model") + " calibration").hasSize(10);
			assertThat(deciles.stream().mapToInt(d -> (Integer) d.get("customers")).sum()).isEqualTo(summary.get("heldOutRows"));
			assertThat(deciles.stream().map(d -> (Double) d.get("meanProbabilityOfDefault")).toList()).isSorted();
			if (!model.get("model").equals("BOOSTED_TREES")) {
				assertThat((List<Double>) model.get("coefficients")).as("a riskier bin never lowers a linear score").isNotEmpty()
					.allSatisfy(c -> assertThat(c).isPositive()).hasSameSizeAs((List<?>) model.get("indicators"));
			}
		}
		List<Map<String, Object>> indicators = (List<Map<String, Object>>) summary.get("indicators");
		assertThat(indicators).hasSize(com.powerkg.credit.CreditIndicator.values().length);
		for (Map<String, Object> indicator : indicators) {
			List<Map<String, Object>> bins = (List<Map<String, Object>>) indicator.get("bins");
			assertThat(bins.stream().mapToInt(b -> (Integer) b.get("trainingCustomers")).sum()).as(indicator.get("indicator") + "")
				.isEqualTo(summary.get("trainingRows"));
			assertThat(bins.stream().mapToInt(b -> (Integer) b.get("scoredCustomers")).sum()).isEqualTo(2000);
			assertThat(bins.getLast().get("missing")).isEqualTo(true);
		}
		assertThat(indicators).filteredOn(i -> i.get("indicator").equals("GROWTH_12M")).singleElement()
			.as("nobody had 24 months of history on 2025-10-31: no information").satisfies(i -> {
				assertThat(i.get("used")).isEqualTo(false);
				assertThat((Double) i.get("informationValue")).isZero();
			});
		assertThat(indicators).filteredOn(i -> i.get("indicator").equals("PAID_SHARE_3")).singleElement()
			.satisfies(i -> assertThat((Double) i.get("informationValue")).isGreaterThan(0.1));
		Map<String, Object> drift = (Map<String, Object>) summary.get("drift");
		assertThat(drift.get("fired")).as("scored as of the sample's extract date, with recent bills").isEqualTo(false);
		assertThat(drift.get("customersWithoutRecentHistory")).isEqualTo(0);
		Map<String, Object> labels = (Map<String, Object>) summary.get("labels");
		assertThat(labels.get("outcomeWindowMonths")).isEqualTo(12);
		assertThat(labels.get("usable")).isEqualTo((Integer) summary.get("trainingRows") + (Integer) summary.get("heldOutRows"));
		assertThat((List<?>) labels.get("pending")).isEmpty();
		assertThat((List<Map<String, Object>>) summary.get("gradeCounts")).extracting(g -> g.get("customers"))
			.containsExactlyElementsOf(perGrade.stream().map(r -> (Object) r.get("customers").asInt()).toList());

		// reasons explain the grade: a C customer first hears what raises the risk, and never that something lowers it
		var poor = query("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r:AnalyticsRun)
				MATCH (c:Customer)-[rated:RATED]->(:CreditGrade {grade: 'C'}) WHERE rated.run = r.creditRun
				RETURN rated.reasons AS reasons, rated.flagged AS flagged""");
		assertThat(poor).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("reasons").asList(org.neo4j.driver.Value::asString)).isNotEmpty()
				.allSatisfy(reason -> assertThat(reason).contains(" raises risk: "));
			assertThat(r.get("flagged").asBoolean()).isFalse();
		});
		var aaa = query("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r:AnalyticsRun)
				MATCH (c:Customer)-[rated:RATED]->(:CreditGrade {grade: 'AAA'}) WHERE rated.run = r.creditRun
				RETURN rated.reasons AS reasons""");
		assertThat(aaa).isNotEmpty().allSatisfy(r -> assertThat(r.get("reasons").asList(org.neo4j.driver.Value::asString).getFirst())
			.contains(" lowers risk: "));
	}

	@Test
	@Order(6)
	void aCustomersCreditThroughGraphQlAndWhatIfMovesTheScoreTheExpectedWay() {
		String customer = query("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r:AnalyticsRun)
				MATCH (c:Customer {paymentMode: 'POSTPAID'})-[rated:RATED]->(:CreditGrade {grade: 'A'}) WHERE rated.run = r.creditRun
				RETURN c.id AS id ORDER BY id LIMIT 1""").getFirst().get("id").asString();
		graphQl.document("{ customer(id: \"" + customer + "\") { credit { grade score probabilityOfDefault reasons flagged run } } }").execute()
			.path("customer.credit.grade").entity(String.class).isEqualTo("A")
			.path("customer.credit.flagged").entity(Boolean.class).isEqualTo(false)
			.path("customer.credit.reasons").entityList(String.class).hasSizeGreaterThan(0);

		// an indicator the champion uses, moved far in the direction that raises risk
		List<String> used = graphQl.document("{ analyticsRuns(last: 1) { credit { models { champion indicators } } } }").execute()
			.path("analyticsRuns[0].credit.models[?(@.champion == true)].indicators[*]").entityList(String.class).get();
		Map<String, Integer> worse = Map.of("OUTSTANDING_TO_AVERAGE_BILL", 20, "DAYS_BEYOND_TERMS", 60, "DELINQUENT_MONTHS", 12,
				"WORST_DAYS_PAST_DUE", 200, "MISSED_BILLS", 12, "UNANSWERED_DUNNING", 20);
		String moved = used.stream().filter(worse::containsKey).findFirst().orElseThrow();
		var whatIf = graphQl.document("""
				query($id: ID, $indicator: CreditIndicator!, $by: Float!) { creditWhatIf(customerId: $id, indicator: {indicator: $indicator, by: $by}) {
				    customers scoreBefore scoreAfter probabilityOfDefaultBefore probabilityOfDefaultAfter indicatorInModel } }""")
			.variable("id", customer).variable("indicator", moved).variable("by", worse.get(moved)).execute()
			.path("creditWhatIf").entity(Map.class).get();
		assertThat(whatIf.get("customers")).isEqualTo(1);
		assertThat(whatIf.get("indicatorInModel")).isEqualTo(true);
		assertThat((Double) whatIf.get("scoreAfter")).as(moved + " moved to its riskiest bin").isGreaterThan((Double) whatIf.get("scoreBefore"));
		assertThat((Double) whatIf.get("probabilityOfDefaultAfter")).isGreaterThan((Double) whatIf.get("probabilityOfDefaultBefore"));

		var group = graphQl.document("""
				{ creditWhatIf(segment: {dimension: REVENUE_CONTRIBUTION, level: "HIGH"}, group: {group: MARKET, standardDeviations: 1}) {
				    customers scoreBefore scoreAfter gradesBefore { grade customers } gradesAfter { grade customers } } }""")
			.execute().path("creditWhatIf").entity(Map.class).get();
		assertThat((Integer) group.get("customers")).isEqualTo(query("""
				MATCH (c:Customer)-[m:IN_SEGMENT]->(:Segment {dimension: 'REVENUE_CONTRIBUTION', level: 'HIGH'}) WHERE m.run = run
				RETURN count(c) AS n""").getFirst().get("n").asInt());
		assertThat((Double) group.get("scoreAfter")).isGreaterThan((Double) group.get("scoreBefore"));

		graphQl.document("{ creditWhatIf(indicator: {indicator: DELINQUENT_MONTHS, by: 1}) { customers } }").execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
				.contains("exactly one of customerId and segment")));

		List<String> poor = graphQl.document("{ customers(first: 500, filter: {creditGrades: [C]}) { edges { node { id credit { grade } } } } }")
			.execute().path("customers.edges[*].node.credit.grade").entityList(String.class).get();
		assertThat(poor).isNotEmpty().containsOnly("C");
	}

	@Test
	@Order(6)
	@SuppressWarnings("unchecked")
	void theCollectionPlanOnTheSamplesDateIsRankedRespectsPhoneAversionAndSavesWork() {
		var plan = context.getBean(com.powerkg.collection.CollectionPlans.class).plan(SAMPLE_AS_OF);
		assertThat(plan.tasks()).isNotEmpty();
		List<String> phoneAverse = query("""
				MATCH (c:Customer)-[h:HAS_TAG]->(:Tag {code: 'PHONE_DUNNING_AVERSE'}) WHERE h.run = run RETURN c.id AS id""")
			.stream().map(r -> r.get("id").asString()).toList();
		assertThat(phoneAverse).isNotEmpty();
		assertThat(plan.tasks()).filteredOn(t -> phoneAverse.contains(t.customerId()))
			.isNotEmpty()
			.noneMatch(t -> t.method() == com.powerkg.contract.ContractCodes.ContactMethod.PHONE);
		assertThat(plan.tasks()).isSortedAccordingTo(com.powerkg.collection.CollectionPlanner.ORDER);
		assertThat(plan.tasks()).filteredOn(t -> t.round() == 4).allSatisfy(t -> assertThat(t.rules()).isNotNull());
		var w = plan.workload();
		assertThat(w.planContacts()).isPositive().isLessThan(w.baselineContacts());
		assertThat(w.reductionPercent()).isPositive();

		var page1 = graphQl.document("""
				{ collectionPlan(date: "2026-11-20", first: 3) { totalCount run
				    edges { cursor node { rank round method kind dueAmount advice rules customer { id name } } }
				    pageInfo { hasNextPage endCursor }
				    workload { planContacts baselineContacts reductionPercent plan { kind method round contacts } } } }""")
			.execute().path("collectionPlan").entity(Map.class).get();
		assertThat(page1.get("totalCount")).isEqualTo(plan.tasks().size());
		var edges = (List<Map<String, Object>>) page1.get("edges");
		assertThat(edges).extracting(e -> ((Map<String, Object>) e.get("node")).get("rank")).containsExactly(1, 2, 3);
		assertThat(((Map<String, Object>) ((Map<String, Object>) edges.getFirst().get("node")).get("customer")).get("id"))
			.isEqualTo(plan.tasks().getFirst().customerId());
		String after = (String) ((Map<String, Object>) page1.get("pageInfo")).get("endCursor");
		graphQl.document("query($after: String) { collectionPlan(date: \"2026-11-20\", first: 2, after: $after) { edges { node { rank } } } }")
			.variable("after", after).execute()
			.path("collectionPlan.edges[*].node.rank").entityList(Integer.class).containsExactly(4, 5);
		assertThat(((Map<String, Object>) page1.get("workload")).get("planContacts")).isEqualTo((int) w.planContacts());
		graphQl.document("{ collectionPlan(date: \"2026-11-20\", first: 501) { totalCount } }").execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("first must be between 1 and 500")));
	}

	@Test
	@Order(6)
	void everySampleCustomerHasStrategiesEachJustifiedByWhatTheGraphSaysOfThatCustomer() {
		var queries = context.getBean(com.powerkg.portrait.CustomerQueries.class);
		var strategies = context.getBean(com.powerkg.strategy.StrategyQueries.class);
		String runId = queries.publication().runId();
		String creditRunId = queries.publication().creditRunId();
		assertThat(runId).isNotNull();
		assertThat(creditRunId).isNotNull();
		// what the graph says of each customer, independently of the strategy query: segments, tags, grade
		Map<String, java.util.Set<String>> facts = new java.util.HashMap<>();
		query("""
				MATCH (published:AnalyticsRun {id: run})
				MATCH (c:Customer)
				RETURN c.id AS id,
				       [(c)-[m:IN_SEGMENT]->(s) WHERE m.run = run | s.dimension + '=' + s.level]
				       + [(c)-[h:HAS_TAG]->(t) WHERE h.run = run | t.code]
				       + [(c)-[r:RATED]->(g) WHERE r.run = published.creditRun | g.grade] AS facts""")
			.forEach(r -> facts.put(r.get("id").asString(), java.util.Set.copyOf(r.get("facts").asList(org.neo4j.driver.Value::asString))));
		assertThat(facts).hasSize(2000);
		// needs and the preferred channel, counted here in Java from the raw work orders and payments: 12 months
		// from the day after the same date a year before, through the as-of day (docs/strategies.md)
		var from = SAMPLE_AS_OF.minusMonths(12).plusDays(1).atStartOfDay();
		var to = SAMPLE_AS_OF.plusDays(1).atStartOfDay();
		Map<String, Map<String, Integer>> ordersByTopic = new java.util.HashMap<>();
		Map<String, Map<String, Integer>> uses = new java.util.HashMap<>();
		Map<String, Map<String, java.time.LocalDateTime>> lastUse = new java.util.HashMap<>();
		driver.executableQuery("""
				MATCH (c:Customer)-[:RAISED]->(w:WorkOrder)-[:VIA]->(ch:Channel) RETURN c.id AS id, w.topic AS topic, ch.code AS channel, w.createdAt AS at
				UNION ALL
				MATCH (c:Customer)-[:PAID]->(p:Payment)-[:VIA]->(ch:Channel) RETURN c.id AS id, null AS topic, ch.code AS channel, p.paidAt AS at""")
			.execute().records().forEach(r -> {
				var at = r.get("at").asLocalDateTime();
				if (at.isBefore(from) || !at.isBefore(to)) {
					return;
				}
				String id = r.get("id").asString();
				String channel = r.get("channel").asString();
				if (!r.get("topic").isNull()) {
					ordersByTopic.computeIfAbsent(id, k -> new java.util.HashMap<>()).merge(r.get("topic").asString(), 1, Integer::sum);
					if (channel.equals("GOV_HOTLINE_12345")) {
						ordersByTopic.get(id).merge("@12345", 1, Integer::sum);
					}
				}
				uses.computeIfAbsent(id, k -> new java.util.HashMap<>()).merge(channel, 1, Integer::sum);
				lastUse.computeIfAbsent(id, k -> new java.util.HashMap<>()).merge(channel, at, (a, b) -> a.isAfter(b) ? a : b);
			});
		Map<String, String> needTopic = Map.of("PRICE_SENSITIVE", "TARIFF", "POWER_QUALITY_SENSITIVE", "POWER_QUALITY",
				"BILLING_SENSITIVE", "BILLING", "OUTAGE_SENSITIVE", "OUTAGE");
		facts.replaceAll((id, known) -> {
			var all = new java.util.HashSet<>(known);
			var orders = ordersByTopic.getOrDefault(id, Map.of());
			needTopic.forEach((need, topic) -> {
				if (orders.getOrDefault(topic, 0) >= 2) {
					all.add(need);
				}
			});
			if (orders.getOrDefault("@12345", 0) >= 1) {
				all.add("ESCALATES_COMPLAINTS");
			}
			uses.getOrDefault(id, Map.of()).entrySet().stream()
				.sorted(java.util.Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
					.thenComparing(e -> lastUse.get(id).get(e.getKey()), java.util.Comparator.reverseOrder())
					.thenComparing(Map.Entry::getKey))
				.findFirst().ifPresent(e -> all.add("PREFERS " + e.getKey()));
			return java.util.Set.copyOf(all);
		});

		// asked two at a time, as two callers of the service would (one at a time the 2,000 took about 7 s)
		Map<String, List<com.powerkg.strategy.StrategyMatch>> answers = new java.util.concurrent.ConcurrentHashMap<>();
		facts.keySet().parallelStream().forEach(id -> answers.put(id, strategies.forCustomer(id, null, runId, creditRunId)));
		java.util.Set<String> winners = new java.util.HashSet<>();
		facts.forEach((id, known) -> {
			var matches = answers.get(id);
			assertThat(matches).as(id).isNotEmpty().allSatisfy(m -> {
				assertThat(m.because()).as(id + " " + m.strategy().code()).isNotEmpty().allSatisfy(line -> assertThat(line).isNotBlank());
				m.strategy().conditions().forEach(c -> assertThat(known).as(id + " " + m.strategy().code())
					.contains(c.kind() == com.powerkg.strategy.Strategy.Condition.Kind.PREFERRED_CHANNEL ? "PREFERS " + c.code() : c.code()));
			});
			// one answer per aspect and topic
			assertThat(matches.stream().map(m -> m.strategy().aspect() + "/" + m.strategy().topic()).distinct().count())
				.as(id).isEqualTo(matches.size());
			matches.forEach(m -> winners.add(m.strategy().code()));
		});
		// the sample reaches well beyond the defaults: segment, tag, grade, need and channel strategies all win somewhere
		assertThat(winners).anyMatch(c -> c.startsWith("RC_")).anyMatch(c -> c.startsWith("GP_")).anyMatch(c -> c.startsWith("CO_"))
			.anyMatch(c -> c.startsWith("CR_")).anyMatch(c -> c.startsWith("ND_")).anyMatch(c -> c.startsWith("CH_"));
	}

	@Test
	@Order(6)
	void askingByAspectGivesTheSameAnswersOfThatAspectOnly() {
		String someone = query("MATCH (c:Customer)-[h:HAS_TAG]->() WHERE h.run = run RETURN c.id AS id ORDER BY id LIMIT 1")
			.getFirst().get("id").asString();
		List<String> all = graphQl.document("query($id: ID!) { strategies(customerId: $id) { strategy { code aspect } } }")
			.variable("id", someone).execute()
			.path("strategies[?(@.strategy.aspect == 'COLLECTION')].strategy.code").entityList(String.class).get();
		assertThat(all).isNotEmpty();
		graphQl.document("query($id: ID!) { strategies(customerId: $id, aspect: COLLECTION) { strategy { code aspect } because } }")
			.variable("id", someone).execute()
			.path("strategies[*].strategy.aspect").entityList(String.class).satisfies(a -> assertThat(a).containsOnly("COLLECTION"))
			.path("strategies[*].strategy.code").entityList(String.class).containsExactly(all.toArray(String[]::new));
		graphQl.document("{ strategies(customerId: \"NO_SUCH_CUSTOMER\") { because } }").execute().errors()
			.expect(e -> e.getMessage().equals("no customer has id 'NO_SUCH_CUSTOMER'")).verify();
	}

	@Test
	@Order(6)
	void theCollectionPlanFilteredByKindMethodAndRegionKeepsTheRanksOfTheWholePlan() {
		var plan = context.getBean(com.powerkg.collection.CollectionPlans.class).plan(SAMPLE_AS_OF);
		long smsDunning = plan.tasks().stream()
			.filter(t -> t.kind() == com.powerkg.collection.CollectionTask.Kind.DUNNING
					&& t.method() == com.powerkg.contract.ContractCodes.ContactMethod.SMS)
			.count();
		assertThat(smsDunning).isPositive();
		graphQl.document("""
				{ collectionPlan(date: "2026-11-20", first: 500, filter: {kinds: [DUNNING], methods: [SMS]}) {
				    totalCount edges { node { rank kind method } } } }""")
			.execute()
			.path("collectionPlan.totalCount").entity(Long.class).isEqualTo(smsDunning)
			.path("collectionPlan.edges[*].node.kind").entityList(String.class).satisfies(k -> assertThat(k).containsOnly("DUNNING"))
			.path("collectionPlan.edges[*].node.method").entityList(String.class).satisfies(m -> assertThat(m).containsOnly("SMS"))
			.path("collectionPlan.edges[*].node.rank").entityList(Integer.class)
			.satisfies(ranks -> assertThat(ranks).isSorted().doesNotHaveDuplicates());

		String region = query("MATCH (c:Customer {id: '" + plan.tasks().getFirst().customerId() + "'}) RETURN c.region AS r")
			.getFirst().get("r").asString();
		graphQl.document("query($r: String!) { collectionPlan(date: \"2026-11-20\", first: 50, filter: {regions: [$r]}) "
				+ "{ totalCount edges { node { rank customer { region } } } } }")
			.variable("r", region).execute()
			.path("collectionPlan.edges[0].node.rank").entity(Integer.class).isEqualTo(1)
			.path("collectionPlan.edges[*].node.customer.region").entityList(String.class)
			.satisfies(r -> assertThat(r).isNotEmpty().containsOnly(region));
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
		assertThat(analystQuery("08-segment-profiles.cypher")).hasSize(15);

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


	@Test
	@Order(8)
	void aModelBelowTheAucFloorKeepsServingTheEarlierRatings() {
		String served = driver.executableQuery("MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r) RETURN r.creditRun AS c")
			.execute().records().getFirst().get("c").asString();
		var strict = CreditProperties.DEFAULTS.withAucFloor(0.999);
		var service = new AnalyticsService(context.getBean(AnalyticsRuns.class), context.getBean(TaggingStage.class),
				context.getBean(SegmentationStage.class), new CreditStage(driver, strict));

		var first = service.run(SAMPLE_AS_OF);
		var second = service.run(SAMPLE_AS_OF);

		for (var outcome : List.of(first, second)) {
			assertThat(outcome.credit().status()).isEqualTo(CreditStage.Status.KEPT_PREVIOUS);
			assertThat(outcome.credit().message()).contains("below the floor 0.999").contains(served);
		}
		graphQl.document("{ analyticsRuns(last: 1) { credit { status ratingsRun message } } }").execute()
			.path("analyticsRuns[0].credit.status").entity(String.class).isEqualTo("KEPT_PREVIOUS")
			.path("analyticsRuns[0].credit.ratingsRun").entity(String.class).isEqualTo(served);
		// the served run is now older than keep-superseded-runs=1 allows, yet its ratings stay
		String anyCustomer = "C00000001";
		graphQl.document("{ customer(id: \"" + anyCustomer + "\") { credit { run grade } } }").execute()
			.path("customer.credit.run").entity(String.class).isEqualTo(served);
	}


	@Test
	@Order(9)
	void ratingsAnEarlierRetainedRunStillServesSurviveTheCleanup() {
		String served = driver.executableQuery("MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r) RETURN r.creditRun AS c")
			.execute().records().getFirst().get("c").asString();

		// a normal run: the strict runs of the test before now count as superseded, only the latest of them retained
		String fresh = context.getBean(AnalyticsService.class).run(SAMPLE_AS_OF).runId();

		assertThat(served).isNotEqualTo(fresh);
		long kept = driver.executableQuery("MATCH ()-[r:RATED]->() WHERE r.run = $run RETURN count(r) AS n")
			.withParameters(Map.of("run", served)).execute().records().getFirst().get("n").asLong();
		assertThat(kept).as("the retained run still serves those ratings, though the run that wrote them is older").isEqualTo(2000);
	}

	/**
	 * The README cannot drift: every GraphQL example in it runs against the service as a new user starts it (the committed
	 * sample loaded and analysed at the first start), through the real HTTP endpoint, signed in as the documented admin,
	 * and answers without an error. Nested, so that it runs after every test above on the same start (JUnit runs a class's
	 * own tests before its nested classes): the README's mutations (a contact recorded, a strategy disabled, a run
	 * started) come last. One start for both saved the second service start with the sample (about 10 s of the suite).
	 */
	@Nested
	class ReadmeExamples {

		@TestFactory
		List<DynamicTest> everyGraphQlExampleOfTheReadmeAnswersWithoutAnError() throws Exception {
			List<String> examples = examples();
			assertThat(examples).as("the README's GraphQL examples").hasSizeGreaterThan(10);
			List<DynamicTest> tests = new ArrayList<>();
			for (String example : examples) {
				String name = example.replaceAll("\\s+", " ");
				tests.add(DynamicTest.dynamicTest(name.substring(0, Math.min(80, name.length())), () -> {
					HttpResponse<String> response = Http.as(port, "admin").graphQl(example);
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
					assertThat(response.body()).as(example).doesNotContain("\"errors\"");
				}));
			}
			return tests;
		}

	}

	/** The operations of the README's ```graphql blocks, each on its own (a block may hold a query and a mutation). */
	static List<String> examples() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
		List<String> operations = new ArrayList<>();
		while (block.find()) {
			operations.addAll(operations(block.group(1)));
		}
		return operations;
	}

	/** Splits a document into its top-level operations by their braces. */
	static List<String> operations(String document) {
		List<String> operations = new ArrayList<>();
		int depth = 0;
		int start = -1;
		boolean inString = false;
		for (int i = 0; i < document.length(); i++) {
			char c = document.charAt(i);
			if (c == '"' && (i == 0 || document.charAt(i - 1) != '\\')) {
				inString = !inString;
			}
			if (inString) {
				continue;
			}
			if (c == '#') {
				i = document.indexOf('\n', i) < 0 ? document.length() : document.indexOf('\n', i);
				continue;
			}
			if (start < 0 && !Character.isWhitespace(c)) {
				start = i;
			}
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				operations.add(document.substring(start, i + 1).strip());
				start = -1;
			}
		}
		return operations;
	}

}
