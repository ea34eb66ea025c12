package com.powerkg.collection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.PrivateGraph;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import com.powerkg.graph.GraphReads;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan a run stores for its date, made from the histories the run read, is the plan computed for that date from
 * the graph the way a date without a run is planned; GraphQL pages through the stored one for the run's date.
 */
@GraphTest
class StoredPlanTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	StoredPlans stored;

	@Autowired
	GraphQlTester graphQl;

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
	void theStoredPlanOfTheRunsDateIsThePlanComputedForThatDate(@TempDir Path generated) throws Exception {
		// hundreds of generated customers: a store of this test's own, the shared one keeps its small fixtures
		try (var graph = PrivateGraph.reused()) {
			new DataGenerator(done -> { }).generate(new GeneratorConfig(400, 13, 11, YearMonth.of(2026, 10)), generated);
			new CsvImporter(graph.driver(), new ImportProperties(5000, generated.resolve("reports"), 100_000, 2)).importDirectory(generated);
			var reads = new GraphReads(graph.driver());
			var runs = new AnalyticsRuns(graph.driver(), AnalyticsProperties.DEFAULTS.runs());
			var tagging = new TaggingStage(graph.driver(), reads);
			String run = new AnalyticsService(runs, tagging, new SegmentationStage(graph.driver(), SegmentationProperties.DEFAULTS),
					new CreditStage(graph.driver(), CreditProperties.DEFAULTS)).run(AS_OF).runId();
			var stored = new StoredPlans(graph.driver(), reads);

			CollectionPlan plan = new CollectionPlans(reads, runs, tagging).plan(AS_OF);
			var summary = stored.summary(run).orElseThrow();

			// read through the embedded database's own API, as the service reads it: the same plan, for the run's date
			// and for others (open bills paid since, rounds made since, another month's bills)
			assertThat(embedded(graph, reads, runs, tagging).plan(AS_OF)).isEqualTo(plan);
			for (LocalDate other : List.of(AS_OF.minusDays(12), AS_OF.plusDays(4), AS_OF.plusMonths(1))) {
				CollectionPlan cypher = new CollectionPlans(reads, runs, tagging).plan(other);
				assertThat(cypher.tasks()).as("a plan with work in it on %s", other).hasSizeGreaterThan(50);
				assertThat(embedded(graph, reads, runs, tagging).plan(other)).as("the plan of %s", other).isEqualTo(cypher);
				// read in one part, and in more parts than this machine has cores: a customer's bills met in several parts
				for (int parts : new int[] { 1, 3 }) {
					assertThat(new CollectionPlans(reads, runs, tagging, graph.neo4j().service().database("neo4j"), parts).plan(other))
						.as("the plan of %s read in %d part(s)", other, parts).isEqualTo(cypher);
				}
			}
			List<StoredPlans.RankedTask> tasks = stored.page(run, StoredPlans.Filter.NONE, 0, 1_000_000);

			assertThat(plan.tasks()).as("a plan with work in it").hasSizeGreaterThan(50);
			assertThat(summary.date()).isEqualTo(AS_OF);
			assertThat(summary.tasks()).isEqualTo(plan.tasks().size());
			assertThat(tasks).extracting(StoredPlans.RankedTask::rank).containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, plan.tasks().size()).boxed().toList());
			assertThat(tasks).extracting(StoredPlans.RankedTask::task).containsExactlyElementsOf(plan.tasks());
			assertThat(summary.workload()).isEqualTo(plan.workload());
			assertThat(plan.tasks()).as("tasks of every kind").extracting(CollectionTask::kind)
				.contains(CollectionTask.Kind.DUNNING, CollectionTask.Kind.LOW_BALANCE_WARNING);

			// the prepaid customers' balances and means came from their ledgers: without them (a store imported before
			// ledgers were kept) the customers' bills and top-ups give the same plan
			assertThat(ledgers(graph)).as("every prepaid customer with bills has a ledger").isEqualTo(graph.driver()
				.executableQuery("MATCH (c:Customer {paymentMode: 'PREPAID'}) WHERE EXISTS { (c)-[:BILLED]->() } RETURN count(c) AS n")
				.execute().records().getFirst().get("n").asLong()).isGreaterThan(10);
			graph.driver().executableQuery("MATCH (l:PrepaidLedger) DETACH DELETE l").execute();
			assertThat(new CollectionPlans(reads, runs, tagging).plan(AS_OF)).isEqualTo(plan);
			assertThat(embedded(graph, reads, runs, tagging).plan(AS_OF)).isEqualTo(plan);
		}
	}

	/** Plans read through the embedded database's own API (the service's way when the database is in its process). */
	static CollectionPlans embedded(PrivateGraph graph, GraphReads reads, AnalyticsRuns runs, TaggingStage tagging) {
		return new CollectionPlans(reads, runs, tagging, graph.neo4j().service().database("neo4j"));
	}

	private static long ledgers(PrivateGraph graph) {
		return graph.driver().executableQuery("MATCH (:Customer)-[:HAS_LEDGER]->(l:PrepaidLedger) RETURN count(l) AS n").execute()
			.records().getFirst().get("n").asLong();
	}

	/**
	 * Hand-made prepaid customers around the warning's edges on D: balanced to the cent, a cent short, a top-up at the
	 * first instant after D, one in D's last second, a bill issued on D and one the day after, and bills of 0.10 and 0.20
	 * against a top-up of 0.30 (nothing short, a hair below zero in floating point). The plan computed from the graph
	 * (which finds the prepaid customers short on D by their bills' openUntil) warns exactly those the run warns.
	 */
	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
	void aLowBalanceWarningGoesToEveryPrepaidCustomerBelowZeroOnTheDateAndToNoOther() {
		try (var graph = PrivateGraph.reused()) {
			new CsvImporter(graph.driver(), new ImportProperties(5000, Path.of("target/reports"), 100_000, 2))
				.importDirectory(Fixtures.directory("prepaid-balance"));
			var reads = new GraphReads(graph.driver());
			var runs = new AnalyticsRuns(graph.driver(), AnalyticsProperties.DEFAULTS.runs());
			var tagging = new TaggingStage(graph.driver(), reads);
			String run = new AnalyticsService(runs, tagging, new SegmentationStage(graph.driver(), SegmentationProperties.DEFAULTS),
					new CreditStage(graph.driver(), CreditProperties.DEFAULTS)).run(AS_OF).runId();

			CollectionPlan plan = new CollectionPlans(reads, runs, tagging).plan(AS_OF);
			assertThat(plan.tasks()).filteredOn(t -> t.kind() == CollectionTask.Kind.LOW_BALANCE_WARNING)
				.extracting(CollectionTask::customerId)
				.containsExactlyInAnyOrder("PB02", "PB03", "PB05");
			assertThat(new StoredPlans(graph.driver(), reads).page(run, StoredPlans.Filter.NONE, 0, 100))
				.extracting(StoredPlans.RankedTask::task).containsExactlyElementsOf(plan.tasks());

			// the plan of a date reads a prepaid customer's balance from its ledger: a ledger topped up by 100 more (no
			// import would write that) takes PB02's warning away
			graph.driver().executableQuery("""
					MATCH (:Customer {id: 'PB02'})-[:HAS_LEDGER]->(l:PrepaidLedger)
					SET l.topUpsAt = l.topUpsAt + [localdatetime('2026-11-01T00:00')], l.topUpsAmount = l.topUpsAmount + [100.0]""").execute();
			assertThat(new CollectionPlans(reads, runs, tagging).plan(AS_OF).tasks())
				.filteredOn(t -> t.kind() == CollectionTask.Kind.LOW_BALANCE_WARNING).extracting(CollectionTask::customerId)
				.containsExactlyInAnyOrder("PB03", "PB05");
			assertThat(embedded(graph, reads, runs, tagging).plan(AS_OF).tasks())
				.filteredOn(t -> t.kind() == CollectionTask.Kind.LOW_BALANCE_WARNING).extracting(CollectionTask::customerId)
				.containsExactlyInAnyOrder("PB03", "PB05");
			// and without ledgers, from the customers' bills and top-ups, as the run
			graph.driver().executableQuery("MATCH (l:PrepaidLedger) DETACH DELETE l").execute();
			assertThat(new CollectionPlans(reads, runs, tagging).plan(AS_OF)).isEqualTo(plan);
			assertThat(embedded(graph, reads, runs, tagging).plan(AS_OF)).isEqualTo(plan);
		}
	}

	@Test
	void graphQlPagesTheStoredPlanForTheRunsDateAndComputesAnotherDate() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		String run = this.analytics.run(AS_OF).runId();
		var summary = this.stored.summary(run).orElseThrow();
		var firstPage = this.stored.page(run, StoredPlans.Filter.NONE, 0, 2);
		assertThat(summary.tasks()).as("the fixture's plan has tasks").isGreaterThanOrEqualTo(3);

		this.graphQl.document("""
				{ collectionPlan(date: "2026-11-20", first: 2) { totalCount run
				    edges { node { rank kind round method customer { id } } } pageInfo { hasNextPage endCursor } } }""")
			.execute()
			.path("collectionPlan.totalCount").entity(Long.class).isEqualTo(summary.tasks())
			.path("collectionPlan.run").entity(String.class).isEqualTo(run)
			.path("collectionPlan.edges[*].node.customer.id").entityList(String.class)
			.containsExactly(firstPage.stream().map(t -> t.task().customerId()).toArray(String[]::new))
			.path("collectionPlan.edges[*].node.rank").entityList(Integer.class).containsExactly(1, 2)
			.path("collectionPlan.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

		this.graphQl.document("{ collectionPlan(date: \"2026-11-25\", first: 1) { totalCount edges { node { rank } } } }")
			.execute()
			.path("collectionPlan.edges[0].node.rank").entity(Integer.class).isEqualTo(1);
	}

}
