package com.powerkg.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.PowerKgApplication;
import com.powerkg.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.Driver;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A first start that ends after the sample's bulk load and before its analysis (here a migration script that fails;
 * Ctrl-C during the migrations or a crash do the same) must not leave the sample unanalysed for good: the next start
 * analyses it, and the one after that leaves the store alone. A wrong setting ends a first start before anything is
 * built.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class SampleAnalysisPendingTest {

	@Test
	void aFirstStartThatEndsBeforeTheSamplesAnalysisLeavesItToTheNextStart() {
		Path store = TestNeo4j.freshStore();
		List<String> settings = settings(store);

		assertThatThrownBy(() -> start(settings, "--powerkg.migrations.locations=classpath:cypher/migrations,classpath:broken-migrations")
			.close()).hasStackTraceContaining("V9001");
		assertThat(store.resolve(SampleSeeder.PENDING)).as("loaded, not analysed").exists();

		try (var context = start(settings)) {
			assertThat(succeededRuns(context)).as("the next start analysed the sample").isEqualTo(1);
			assertThat(taggedCustomers(context)).isPositive();
		}
		assertThat(store.resolve(SampleSeeder.PENDING)).doesNotExist();

		try (var context = start(settings)) {
			assertThat(succeededRuns(context)).as("a store with its analysis is left alone").isEqualTo(1);
		}
	}

	@Test
	void aSampleImportInTransactionsThatAStartDidNotFinishIsImportedAgainAndAnalysedByTheNextStart() {
		// an existing store without customers (or an external database): the sample goes in through transactions
		List<String> settings = settings(TestNeo4j.migratedStore());
		// what a start that ended after its import began leaves: the mark and the sample's rows, no run
		try (var context = start(settings, "--powerkg.sample.load-on-empty-database=false")) {
			context.getBean(Driver.class).executableQuery("CREATE (:SampleAnalysisPending)").execute();
			context.getBean(CsvImporter.class).importDirectory(Fixtures.directory("small"));
		}

		try (var context = start(settings)) {
			assertThat(succeededRuns(context)).as("the next start analysed the sample").isEqualTo(1);
			assertThat(count(context, "MATCH (c:Customer) RETURN count(c) AS n")).as("imported again, not twice").isEqualTo(5);
			assertThat(count(context, "MATCH (p:SampleAnalysisPending) RETURN count(p) AS n")).isZero();
		}
		try (var context = start(settings)) {
			assertThat(succeededRuns(context)).as("a database with its analysis is left alone").isEqualTo(1);
		}
	}

	@Test
	void aWrongSettingEndsAFirstStartBeforeAnyStoreIsBuilt() {
		Path store = TestNeo4j.freshStore();

		assertThatThrownBy(() -> start(settings(store), "--powerkg.segmentation.k.arrears-risk=9").close())
			.hasStackTraceContaining("powerkg.segmentation.k.arrears-risk=9: use a number from 2 to 8 or 'auto'");
		assertThat(store.resolve("data")).as("no store built, no sample loaded").doesNotExist();
		assertThat(store.resolve(SampleSeeder.PENDING)).doesNotExist();
	}

	/** A store of its own, with the small fixture as the sample. */
	private static List<String> settings(Path store) {
		return List.of("--powerkg.neo4j.embedded.data-directory=" + store, "--powerkg.neo4j.embedded.bolt-port=0",
				"--powerkg.sample.directory=" + Fixtures.directory("small"),
				"--powerkg.import.reports-directory=target/test-reports/sample-analysis-pending");
	}

	private static ConfigurableApplicationContext start(List<String> settings, String... more) {
		List<String> args = new ArrayList<>(settings);
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(PowerKgApplication.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
	}

	private static long succeededRuns(ConfigurableApplicationContext context) {
		return count(context, "MATCH (r:AnalyticsRun {status: 'SUCCEEDED'}) RETURN count(r) AS n");
	}

	private static long taggedCustomers(ConfigurableApplicationContext context) {
		return count(context, "MATCH (c:Customer) WHERE EXISTS { (c)-[:HAS_TAG]->(:Tag) } RETURN count(c) AS n");
	}

	private static long count(ConfigurableApplicationContext context, String cypher) {
		return context.getBean(Driver.class).executableQuery(cypher).execute().records().getFirst().get("n").asLong();
	}

}
