package com.powerkg.analytics;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.run.AnalyticsRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's relationships carry an indexed {@code run}; on a store whose run indexes were sampled empty (as after a
 * load) the planner took {@code m.run = $run} for selective and read every relationship of the run per customer, for
 * the seconds until Neo4j's background sampling caught up. A run leaves the statistics current before it is served, and
 * only refreshes them when they take a run index for empty.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class PlannerStatisticsTest {

	@Test
	void aRunIsServedWithPlannerStatisticsThatKnowItsRelationships(@TempDir Path tmp) throws Exception {
		try (var graph = PrivateGraph.open()) {
			Driver driver = graph.driver();
			new CsvImporter(driver, new ImportProperties(5000, tmp, 100_000, 2)).importDirectory(Fixtures.directory("tags"));

			var runs = new AnalyticsRuns(driver, AnalyticsProperties.DEFAULTS.runs());
			TestAnalytics.service(driver).run(LocalDate.of(2026, 11, 20));

			for (String type : List.of("IN_SEGMENT", "HAS_TAG", "USED_CHANNEL")) {
				long written = driver.executableQuery("MATCH ()-[x:" + type + "]->() RETURN count(x) AS n").execute().records().getFirst()
					.get("n").asLong();
				Map<String, Object> index = runIndex(driver, type);
				assertThat(written).as(type).isPositive();
				assertThat(index).as(type + " run index, as the planner sees it").containsEntry("updatesSinceEstimation", 0L)
					.containsEntry("totalSize", written);
			}
			assertThat(runs.refreshPlannerStatistics()).as("current statistics are left alone (a refresh clears the query caches)")
				.isEmpty();
		}
	}

	/** The planner's figures of the index on {@code type.run} (GRAPH COUNTS). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> runIndex(Driver driver, String type) {
		List<Object> indexes = driver.executableQuery("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data.indexes AS indexes")
			.execute().records().getFirst().get("indexes").asList();
		return indexes.stream().map(i -> (Map<String, Object>) i)
			.filter(i -> List.of(type).equals(i.get("relationshipTypes")) && List.of("run").equals(i.get("properties")))
			.findFirst().orElseThrow(() -> new AssertionError("no index on " + type + ".run in " + indexes));
	}

}
