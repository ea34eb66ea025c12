package com.powerkg.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.powerkg.PrivateGraph;
import com.powerkg.TestNeo4j;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches of a file written by several writers at once give the same graph as one writer: small batches so that
 * many are in flight, on generated data with every file and relationship kind.
 */
@DisabledIfSystemProperty(named = TestNeo4j.MODE_PROPERTY, matches = "testcontainers", disabledReason = "an embedded database of its own")
class ParallelWritersTest {

	@Test
	void threeWritersInSmallBatchesBuildTheSameGraphAsOneAndAReimportChangesNothing(@TempDir Path tmp) throws IOException {
		Path data = tmp.resolve("data");
		new DataGenerator(done -> {
		}).generate(GeneratorConfig.of(80, 4, 11), data);

		try (var graph = PrivateGraph.reused()) {
			Driver driver = graph.driver();
			Map<String, Object> serial = importWith(driver, 1, data, tmp);
			driver.executableQuery("""
					MATCH (n) WHERE any(l IN labels(n) WHERE l IN
					  ['Customer', 'Bill', 'Consumption', 'Payment', 'DunningContact', 'WorkOrder', 'CreditOutcome', 'Region', 'Industry',
					   'PrepaidLedger'])
					DETACH DELETE n""").execute();

			Map<String, Object> parallel = importWith(driver, 3, data, tmp);

			assertThat(parallel).isEqualTo(serial);
			assertThat((Long) serial.get("nodes")).isGreaterThan(1000L);
			importWith(driver, 3, data, tmp);
			assertThat(fingerprint(driver)).as("a second import of the same files").isEqualTo(parallel);
		}
	}

	private static Map<String, Object> importWith(Driver driver, int writers, Path data, Path tmp) {
		var importer = new CsvImporter(driver, new ImportProperties(37, tmp, 100_000, writers));
		ImportReport report = importer.importDirectory(data, tmp.resolve("rejects.csv"));
		assertThat(report.rowsRejected()).isZero();
		assertThat(report.rowsImported()).isEqualTo(report.rowsRead());
		return fingerprint(driver);
	}

	/** Counts per label and relationship type, and sums that change if any row lands on the wrong node. */
	private static Map<String, Object> fingerprint(Driver driver) {
		return driver.executableQuery("""
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS c ORDER BY label RETURN collect([label, c]) AS perLabel }
				CALL () { MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c ORDER BY t RETURN collect([t, c]) AS perType }
				CALL () { MATCH (c:Customer)-[:CONSUMED]->(u) RETURN sum(toInteger(round(u.kwh * 100)) * toInteger(substring(c.id, 1))) AS kwh }
				CALL () { MATCH (c:Customer)-[:PAID]->(p)-[:SETTLES]->(b)<-[:BILLED]-(c) RETURN count(p) AS settledByOwner }
				RETURN nodes, perLabel, perType, kwh, settledByOwner""").execute().records().getFirst().asMap();
	}

}
