package com.powerkg.history;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import com.powerkg.graph.GraphReads;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's own API and the Cypher statement (an external database's way) read the same histories,
 * also for data imported before payments and contacts kept their bill's id.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class HistorySourcesTest {

	@Test
	void bothWaysReadTheSameHistories(@TempDir Path tmp) throws Exception {
		try (var graph = PrivateGraph.reused()) {
			var importer = new CsvImporter(graph.driver(), new ImportProperties(5000, tmp.resolve("reports"), 100_000, 2));
			importer.importDirectory(Fixtures.directory("tags"));
			importer.importDirectory(Fixtures.directory("small"));
			new DataGenerator(done -> { }).generate(new GeneratorConfig(40, 14, 9, YearMonth.of(2026, 10)), tmp.resolve("data"));
			importer.importDirectory(tmp.resolve("data"));
			// data of an older import: no billId on some payments and contacts, only their SETTLES / CONCERNS links
			graph.driver().executableQuery("""
					MATCH (p:Payment) WHERE p.billId IS NOT NULL WITH p LIMIT 50 REMOVE p.billId""").execute();
			graph.driver().executableQuery("""
					MATCH (d:DunningContact) WHERE d.billId IS NOT NULL WITH d LIMIT 20 REMOVE d.billId""").execute();
			var reads = new GraphReads(graph.driver());
			List<String> ids = reads.list("MATCH (c:Customer) RETURN c.id AS id ORDER BY id", Map.of(), r -> r.get("id").asString());
			var cypher = new HistoryReader(reads);
			var embedded = new HistoryReader(reads, graph.neo4j().service().database("neo4j"));

			for (LocalDate asOf : List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 3, 1))) {
				List<CustomerHistory> expected = cypher.histories(ids, asOf);
				assertThat(expected).hasSize(ids.size());
				assertThat(expected).anySatisfy(h -> assertThat(h.bills()).anySatisfy(b -> assertThat(b.payments()).isNotEmpty()));
				assertThat(expected).anySatisfy(h -> assertThat(h.contacts()).anySatisfy(c -> assertThat(c.billId()).isNotNull()));
				assertThat(embedded.histories(ids, asOf)).as("as of " + asOf).isEqualTo(expected);
			}
		}
	}

}
