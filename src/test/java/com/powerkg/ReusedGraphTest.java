package com.powerkg;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.Driver;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PrivateGraph#reused()}: the same database each time, back to the template's content and schema. */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded stores")
class ReusedGraphTest {

	@Test
	void eachUseFindsTheTemplatesContentWhateverTheUseBeforeWrote() {
		List<String> template;
		try (var fresh = PrivateGraph.open()) {
			template = content(fresh.driver());
		}
		assertThat(template).as("the template holds the taxonomy").anyMatch(n -> n.contains("SETTLES_EARLY"));

		PrivateGraph first = PrivateGraph.reused();
		try (first) {
			assertThat(content(first.driver())).isEqualTo(template);
			first.driver().executableQuery("CREATE (:Customer {id: 'X1'})-[:BILLED]->(:Bill {id: 'B-X1'})").execute();
			first.driver().executableQuery("MATCH (t:Tag {code: 'SETTLES_EARLY'}) SET t.nameEn = 'changed' REMOVE t.ordinal").execute();
			first.driver().executableQuery("MATCH (t:Tag {code: 'SETTLES_MID'}) DETACH DELETE t").execute();

			try (var meanwhile = PrivateGraph.reused()) {
				assertThat(meanwhile.neo4j()).as("while the first is in use: a database of its own").isNotSameAs(first.neo4j());
				assertThat(content(meanwhile.driver())).isEqualTo(template);
			}
		}
		try (var second = PrivateGraph.reused()) {
			assertThat(second.neo4j()).as("kept running").isSameAs(first.neo4j());
			assertThat(second.neo4j().service().database("neo4j").isAvailable()).isTrue();
			assertThat(content(second.driver())).isEqualTo(template);
		}
	}

	@Test
	void aUseThatChangedTheSchemaLeavesANewDatabaseToTheNext() {
		PrivateGraph changed = PrivateGraph.reused();
		List<String> schema = ReusedGraph.schema(changed.driver());
		try (changed) {
			changed.driver().executableQuery("CREATE INDEX reused_graph_test FOR (n:Customer) ON (n.name)").execute();
		}
		try (var next = PrivateGraph.reused()) {
			assertThat(next.neo4j()).isNotSameAs(changed.neo4j());
			assertThat(ReusedGraph.schema(next.driver())).isEqualTo(schema).noneMatch(name -> name.contains("reused_graph_test"));
		}
	}

	private static String sorted(Map<String, Object> properties) {
		return new java.util.TreeMap<>(properties).toString();
	}

	/** Each node with its labels, properties and relationships (type, properties, the other node's labels), sorted. */
	static List<String> content(Driver driver) {
		return driver.executableQuery("""
				MATCH (n)
				RETURN labels(n) AS labels, properties(n) AS properties,
				       COLLECT { MATCH (n)-[r]->(m) RETURN [type(r), properties(r), properties(m)] } AS out""")
			.execute().records().stream()
			.map(r -> r.get("labels").asList() + " " + sorted(r.get("properties").asMap()) + " "
					+ r.get("out").asList(v -> v.get(0).asString() + " " + sorted(v.get(1).asMap()) + " " + sorted(v.get(2).asMap()))
						.stream().sorted().toList())
			.sorted(Comparator.naturalOrder())
			.toList();
	}

}
