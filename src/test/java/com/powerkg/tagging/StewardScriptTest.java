package com.powerkg.tagging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.TestNeo4j;
import com.powerkg.analytics.TestAnalytics;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.graph.MigrationFailedException;
import com.powerkg.graph.MigrationsProperties;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data steward changes a rule parameter with a versioned Cypher script: the next run honours it, and a broken
 * script is refused without changing anything. Runs on its own database because it changes the taxonomy.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class StewardScriptTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final String PRODUCT = "classpath:cypher/migrations";

	static final String EXAMPLES = "file:" + Path.of("cypher/examples").toAbsolutePath();

	@Test
	void parameterChangedByAStewardScriptChangesTheNextRunAndABrokenScriptChangesNothing(@TempDir Path tmp) throws IOException {
		try (var graph = PrivateGraph.asBuilt(TestNeo4j.migratedStore())) {
			Driver driver = graph.driver();
			new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT))).apply();
			new CsvImporter(driver, new ImportProperties(5000, tmp, 100_000, 2)).importDirectory(Fixtures.directory("tags"));
			var analytics = TestAnalytics.service(driver);

			analytics.run(AS_OF);
			assertThat(tagsOf(driver, "T_ARR3")).as("3 overdue bills, default threshold 3").contains("REPEATED_ARREARS");

			new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT, EXAMPLES))).apply();
			analytics.run(AS_OF);
			assertThat(tagsOf(driver, "T_ARR3")).as("threshold raised to 4 by the steward").doesNotContain("REPEATED_ARREARS");

			Path broken = Files.createDirectories(tmp.resolve("broken"));
			Files.writeString(broken.resolve("V0101__Lower_threshold_with_a_typo.cypher"), """
					MATCH (p:RuleParameter {key: 'REPEATED_ARREARS.minOverdueBills'}) SET p.value = 2;
					MATCH (p:RuleParameter {key: 'REPEATED_ARREARS.lookbackMonths'} SET p.value = 12;
					""");
			var withBroken = new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT, EXAMPLES, "file:" + broken)));
			assertThatThrownBy(withBroken::apply).isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("V0101__Lower_threshold_with_a_typo.cypher");
			assertThat(driver.executableQuery("MATCH (p:RuleParameter {key: 'REPEATED_ARREARS.minOverdueBills'}) RETURN p.value AS v")
				.execute().records().getFirst().get("v").asLong()).isEqualTo(4);

			Path misspelt = Files.createDirectories(tmp.resolve("misspelt"));
			Files.writeString(misspelt.resolve("V0101__Misspelt_key.cypher"), Files.readString(Path.of("cypher/examples",
					"V0100__Repeated_arrears_needs_four_overdue_bills.cypher")).replace("minOverdueBills", "minOverdueBill"));
			var withMisspelt = new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT, EXAMPLES, "file:" + misspelt)));
			assertThatThrownBy(withMisspelt::apply).as("a script that would change nothing fails loudly")
				.isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("V0101__Misspelt_key.cypher");
		}
	}

	private static List<String> tagsOf(Driver driver, String customerId) {
		return driver.executableQuery("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run)
				MATCH (:Customer {id: $id})-[h:HAS_TAG]->(t:Tag) WHERE h.run = run.id
				RETURN collect(t.code) AS codes""").withParameters(java.util.Map.of("id", customerId))
			.execute().records().getFirst().get("codes").asList(org.neo4j.driver.Value::asString);
	}

}
