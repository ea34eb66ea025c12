package com.powerkg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/**
 * The database behind {@link PrivateGraph#reused()}: one test database kept running for the JVM and put back to the
 * migrated template's content before each use. A test database compiles every Cypher statement it runs again
 * (about 2.4 s for the product's 68 statements on a warm JVM, 35 ms each); this one keeps them compiled, and saves
 * a start and a stop too. Its content is the template's (its nodes and relationships, read once when it is first
 * opened); its schema must stay the template's: a use that changed the indexes or constraints gets a new database next
 * time. Only one test holds it at a time; a second asking meanwhile gets a database of its own.
 */
final class ReusedGraph {

	/** Read without the lock by {@link #release}: a close of another graph must not wait for a {@link #take()} */
	private static volatile PrivateGraph graph;

	private static Snapshot template;

	private static volatile boolean inUse;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ReusedGraph::stop, "reused-test-graph-stop"));
	}

	private ReusedGraph() {
	}

	static synchronized PrivateGraph take() {
		if (inUse) {
			return PrivateGraph.open();
		}
		if (graph != null && !template.schema().equals(schema(graph.driver()))) {
			stop();
		}
		if (graph == null) {
			graph = PrivateGraph.open();
			template = Snapshot.of(graph.driver());
		}
		else {
			restore(graph.driver(), template);
		}
		inUse = true;
		return graph;
	}

	/**
	 * @return whether the graph was this one (then it stays running for the next use). Without the lock: the template's
	 * own graph closes while a take() that waits for the template holds it.
	 */
	static boolean release(PrivateGraph released) {
		if (released != graph) {
			return false;
		}
		inUse = false;
		return true;
	}

	private static synchronized void stop() {
		if (graph != null) {
			PrivateGraph stopping = graph;
			graph = null; // no longer the reused one: its close() stops it as any other
			stopping.close();
		}
	}

	/** Everything deleted, then the template's nodes and relationships written again; the schema stays. */
	static void restore(Driver driver, Snapshot template) {
		try (var session = driver.session()) {
			session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
		}
		List<Map<String, Object>> nodes = template.nodes();
		Map<Long, String> created = new HashMap<>();
		driver.executableQuery("""
				UNWIND range(0, size($nodes) - 1) AS i
				WITH i, $nodes[i] AS n
				CREATE (x:$(n.labels))
				SET x = n.properties
				RETURN i, elementId(x) AS id""").withParameters(Map.of("nodes", nodes)).execute().records()
			.forEach(r -> created.put(r.get("i").asLong(), r.get("id").asString()));
		List<Map<String, Object>> relationships = new ArrayList<>();
		for (Map<String, Object> r : template.relationships()) {
			relationships.add(Map.of("start", created.get((Long) r.get("start")), "end", created.get((Long) r.get("end")), "type",
					r.get("type"), "properties", r.get("properties")));
		}
		driver.executableQuery("""
				UNWIND $relationships AS r
				MATCH (a) WHERE elementId(a) = r.start
				MATCH (b) WHERE elementId(b) = r.end
				CREATE (a)-[x:$(r.type)]->(b)
				SET x = r.properties""").withParameters(Map.of("relationships", relationships)).execute();
		var counts = driver.executableQuery("RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships")
			.execute().records().getFirst();
		if (counts.get("nodes").asLong() != nodes.size() || counts.get("relationships").asLong() != relationships.size()) {
			throw new IllegalStateException("the reused test database holds " + counts.get("nodes") + " nodes and "
					+ counts.get("relationships") + " relationships after its reset, the template " + nodes.size() + " and "
					+ relationships.size());
		}
		new GraphReads(driver).awaitIndexes(Duration.ofMinutes(5));
	}

	static List<String> schema(Driver driver) {
		List<String> names = new ArrayList<>();
		driver.executableQuery("SHOW INDEXES YIELD name RETURN name ORDER BY name").execute().records()
			.forEach(r -> names.add("index " + r.get("name").asString()));
		driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").execute().records()
			.forEach(r -> names.add("constraint " + r.get("name").asString()));
		return names;
	}

	/** A graph's nodes (labels, properties) and relationships (type, properties, and their nodes by position). */
	record Snapshot(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships, List<String> schema) {

		static Snapshot of(Driver driver) {
			Map<String, Long> position = new HashMap<>();
			List<Map<String, Object>> nodes = new ArrayList<>();
			for (Record r : driver.executableQuery("MATCH (n) RETURN n ORDER BY elementId(n)").execute().records()) {
				Node n = r.get("n").asNode();
				position.put(n.elementId(), (long) nodes.size());
				List<String> labels = new ArrayList<>();
				n.labels().forEach(labels::add);
				nodes.add(Map.of("labels", labels, "properties", n.asMap()));
			}
			List<Map<String, Object>> relationships = new ArrayList<>();
			for (Record r : driver.executableQuery("MATCH ()-[x]->() RETURN x ORDER BY elementId(x)").execute().records()) {
				Relationship x = r.get("x").asRelationship();
				relationships.add(Map.of("start", position.get(x.startNodeElementId()), "end", position.get(x.endNodeElementId()), "type",
						x.type(), "properties", x.asMap()));
			}
			return new Snapshot(nodes, relationships, ReusedGraph.schema(driver));
		}

	}

}
