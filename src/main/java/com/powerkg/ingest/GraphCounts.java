package com.powerkg.ingest;

import java.util.Map;
import java.util.TreeMap;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * Nodes per label and relationships per type, from the database's count store (instant however big the graph):
 * what an import report and the bulk-versus-transactional comparison show.
 */
public record GraphCounts(Map<String, Long> labels, Map<String, Long> relationships) {

	private static final String COUNTS = CypherResource.load(GraphCounts.class, "graph-counts.cypher");

	public static GraphCounts of(Driver driver) {
		var row = new GraphReads(driver).single(COUNTS, Map.of());
		return new GraphCounts(pairs(row.get("labels")), pairs(row.get("relationships")));
	}

	private static Map<String, Long> pairs(Value list) {
		Map<String, Long> counts = new TreeMap<>();
		for (Value pair : list.values()) {
			long count = pair.get(1).asLong();
			if (count > 0) {
				counts.put(pair.get(0).asString(), count);
			}
		}
		return counts;
	}

}
