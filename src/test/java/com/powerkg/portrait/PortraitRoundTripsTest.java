package com.powerkg.portrait;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.TestNeo4j;
import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

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
	org.neo4j.driver.Driver driver;

	@Autowired
	CsvImporter importer;

	@Autowired
	com.powerkg.analytics.AnalyticsService analytics;

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
		this.analytics.run(java.time.LocalDate.of(2026, 11, 20));
		long before = acquired();

		this.graphQl.document("""
				{ customer(id: "R001") { id name tags { code } segments { level } credit { grade } channels { channel payments } } }""")
			.execute().path("customer.channels[0].payments").entity(Long.class).satisfies(n -> assertThat(n).isPositive());

		assertThat(acquired() - before).as("the customer with the published run, then its parts").isEqualTo(2);
	}

	@Test
	void aCustomerWithTwentyThousandPaymentsCostsWhatOneWithTwentyDoes() {
		for (var customer : java.util.Map.of("HEAVY", 20_000, "LIGHT", 20).entrySet()) {
			this.driver.executableQuery("""
					MERGE (c:Customer {id: $id}) SET c.usageCategory = 'RESIDENTIAL', c.paymentMode = 'PREPAID', c.importance = 'NONE'
					WITH c MATCH (ch:Channel {code: 'WECHAT'})
					UNWIND range(1, $payments) AS i
					MERGE (p:Payment {id: $id + '-P' + i})
					SET p.paidAt = localdatetime('2025-01-01T08:00:00') + duration({minutes: i}), p.amount = 1.0, p.channel = 'WECHAT',
					    p.kind = 'TOPUP'
					MERGE (c)-[:PAID]->(p) MERGE (p)-[:VIA]->(ch)""")
				.withParameters(java.util.Map.of("id", customer.getKey(), "payments", customer.getValue())).execute();
		}
		this.analytics.run(java.time.LocalDate.of(2026, 11, 20));
		String portrait = "{ customer(id: \"%s\") { id tags { code } segments { level } credit { grade } channels { channel payments } } }";

		long before = acquired();
		this.graphQl.document(portrait.formatted("HEAVY")).execute().path("customer.channels[0].payments").entity(Long.class).isEqualTo(20_000L);
		long heavy = acquired() - before;
		before = acquired();
		this.graphQl.document(portrait.formatted("LIGHT")).execute().path("customer.channels[0].payments").entity(Long.class).isEqualTo(20L);
		long lightTrips = acquired() - before;

		assertThat(heavy).as("round-trips").isEqualTo(lightTrips).isEqualTo(2);
		long light = dbHits("LIGHT");
		// a dense node's relationships are grouped by type, a sparse one's are walked: a few hits either way, never the payments
		assertThat(dbHits("HEAVY")).as("database hits of the portrait's parts; the light customer's: " + light)
			.isLessThanOrEqualTo(light + 20);
	}

	/** What the portrait's parts cost the database for one customer (PROFILE). */
	private long dbHits(String id) {
		var publication = new com.powerkg.run.AnalyticsRuns(this.driver, com.powerkg.analytics.AnalyticsProperties.DEFAULTS.runs()).publication();
		var parameters = new java.util.HashMap<String, Object>(java.util.Map.of("ids", java.util.List.of(id), "tags", true, "segments", true,
				"credit", true, "channels", true));
		parameters.put("runId", publication.runId());
		parameters.put("creditRunId", publication.creditRunId());
		try (var session = this.driver.session()) {
			var profile = session.run("PROFILE " + com.powerkg.graph.CypherResource.load(PortraitParts.class, "portrait-parts.cypher"),
					parameters).consume().profile();
			return hits(profile);
		}
	}

	private static long hits(org.neo4j.driver.summary.ProfiledPlan plan) {
		return plan.dbHits() + plan.children().stream().mapToLong(PortraitRoundTripsTest::hits).sum();
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
