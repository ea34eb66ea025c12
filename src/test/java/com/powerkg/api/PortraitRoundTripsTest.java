package com.powerkg.api;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.TestNeo4j;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import com.powerkg.graph.EmbeddedNeo4j;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a page of full portraits costs the same number of Cypher round-trips for 1 customer as for many, and the
 * four parts of a portrait (tags, segments, credit, channels) are read together.
 */
@GraphTest
@DisabledIfSystemProperty(named = TestNeo4j.MODE_PROPERTY, matches = "testcontainers", disabledReason = "counts the embedded driver's pool")
class PortraitRoundTripsTest {

	static final String PORTRAITS = """
			query($first: Int) { customers(first: $first) { edges { node {
			    id name phone region usageCategory
			    tags { code evidence } segments { dimension level } credit { grade score reasons } channels { channel payments } } } } }""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	CsvImporter importer;

	@Test
	void aPageOfPortraitsTakesAFixedHandfulOfRoundTripsWhateverItsSize() {
		this.importer.importDirectory(Fixtures.directory("small"));

		long one = roundTrips(1);
		long many = roundTrips(20);

		assertThat(this.graphQl.document(PORTRAITS).variable("first", 20).execute()
			.path("customers.edges").entityList(Object.class).get()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(many).as("round-trips for 20 vs 1 customers").isEqualTo(one);
		assertThat(one).as("the published run, the page, the parts").isEqualTo(3);
	}

	@Test
	void oneFullPortraitTakesTwoRoundTrips() {
		this.importer.importDirectory(Fixtures.directory("small"));
		long before = acquired();

		this.graphQl.document("""
				{ customer(id: "R001") { id name tags { code } segments { level } credit { grade } channels { channel payments } } }""")
			.execute().path("customer.channels[0].payments").entity(Long.class).satisfies(n -> assertThat(n).isPositive());

		assertThat(acquired() - before).as("the customer with the published run, then its parts").isEqualTo(2);
	}

	private long roundTrips(int first) {
		long before = acquired();
		this.graphQl.document(PORTRAITS).variable("first", first).execute().path("customers.edges").hasValue();
		return acquired() - before;
	}

	/** Every Cypher round-trip from the API is an auto-commit transaction of its own. */
	private long acquired() {
		var database = (org.neo4j.kernel.internal.GraphDatabaseAPI) this.neo4j.service().database("neo4j");
		return database.getDependencyResolver()
			.resolveDependency(org.neo4j.kernel.impl.transaction.stats.DatabaseTransactionStats.class)
			.getNumberOfStartedTransactions();
	}

}
