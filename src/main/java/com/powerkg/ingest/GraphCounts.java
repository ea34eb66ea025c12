package com.powerkg.ingest;

import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * Nodes per label and relationships per type, from the database's count store (instant however big the graph):
 * what an import report and the bulk-versus-transactional comparison show.
 */
public record GraphCounts(Map<String, Long> labels, Map<String, Long> relationships) {

	private static final String COUNTS = """
			CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
			RETURN [n IN data.nodes WHERE n.label IS NOT NULL | [n.label, n.count]] AS labels,
			       [r IN data.relationships WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL
			          | [r.relationshipType, r.count]] AS relationships""";

	public static GraphCounts of(Driver driver) {
		var row = driver.executableQuery(COUNTS).execute().records().getFirst();
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
