package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.TestCallers;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A dunning result recorded through GraphQL is audited and shapes the tags, and so the plan, of the next run. */
@GraphTest
class DunningContactMutationTest {

	static final String RECORD = """
			mutation($input: DunningContactInput!) { recordDunningContact(input: $input) {
			    id customerId billId contactedAt round method reached response recordedAt recordedBy } }""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	CollectionPlans plans;

	@Autowired
	Driver driver;

	@BeforeEach
	void oneHousehold() {
		this.importer.importDirectory(Fixtures.directory("feedback"));
	}

	static Map<String, Object> input(String customer, String bill, String at, int round, String response) {
		var input = new java.util.HashMap<String, Object>(Map.of("customerId", customer, "contactedAt", at, "round", round,
				"method", "PHONE", "reached", true, "response", response));
		input.put("billId", bill);
		return input;
	}

	@Test
	void aRecordedRefusalIsAuditedAndTheNextRunTagsAndPlansByIt() {
		var recorded = this.graphQl.document(RECORD).variable("input", input("FB001", "FB001-202610", "2026-11-10T10:00:00", 1,
				"REFUSES_PHONE")).execute().path("recordDunningContact").entity(Map.class).get();
		assertThat(recorded).containsEntry("customerId", "FB001").containsEntry("billId", "FB001-202610")
			.containsEntry("recordedBy", TestCallers.MARKETING.name()).containsEntry("response", "REFUSES_PHONE");
		assertThat((String) recorded.get("id")).startsWith("API-");
		assertThat(recorded.get("recordedAt")).isNotNull();

		this.analytics.run(LocalDate.of(2026, 11, 20));

		List<String> tags = this.driver.executableQuery("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r)
				MATCH (:Customer {id: 'FB001'})-[h:HAS_TAG]->(t:Tag) WHERE h.run = r.id RETURN collect(t.code) AS codes""")
			.execute().records().getFirst().get("codes").asList(org.neo4j.driver.Value::asString);
		assertThat(tags).contains("PHONE_DUNNING_AVERSE");
		// the October bill falls due on Nov 30: on Dec 5 it is in round 2, which would be a phone call
		var task = this.plans.plan(LocalDate.of(2026, 12, 5)).tasks().stream().filter(t -> t.customerId().equals("FB001")).findFirst()
			.orElseThrow();
		assertThat(task.round()).isEqualTo(2);
		assertThat(task.method()).isEqualTo(ContactMethod.ONSITE);
	}

	@Test
	void aRecordedRoundIsNotPlannedAgainTheCachedPlanIsDropped() {
		LocalDate d = LocalDate.of(2026, 11, 20);
		assertThat(this.plans.plan(d).tasks()).as("the October bill is due on Nov 30: a reminder")
			.anySatisfy(t -> assertThat(t.customerId() + "/" + t.round()).isEqualTo("FB002/1"));

		this.graphQl.document(RECORD).variable("input", input("FB002", "FB002-202610", "2026-11-20T09:00:00", 1, "NONE")).execute()
			.path("recordDunningContact.id").hasValue();

		assertThat(this.plans.plan(d).tasks()).as("the reminder was made").noneMatch(t -> t.customerId().equals("FB002"));
	}

	@Test
	void badContactsAreRefusedWithClearErrors() {
		long before = recorded();
		expectError(input("NOBODY", null, "2026-11-10T10:00:00", 1, "NONE"), "no customer NOBODY");
		expectError(input("FB001", "T_ARR3-202606", "2026-11-10T10:00:00", 1, "NONE"), "no customer FB001 with bill T_ARR3-202606");
		expectError(input("FB001", null, "2026-11-10T10:00:00", 5, "NONE"), "round must be 1 to 4");
		expectError(input("FB001", null, "2099-01-01T10:00:00", 1, "NONE"), "is in the future");
		expectError(input("FB001", null, "2026-11-10T10:00:00", 2, "NONE"), "must name its bill");
		assertThat(recorded()).as("nothing stored").isEqualTo(before);
	}

	private long recorded() {
		return this.driver.executableQuery("MATCH (d:DunningContact) WHERE d.source = 'graphql' RETURN count(d) AS n").execute().records()
			.getFirst().get("n").asLong();
	}

	private void expectError(Map<String, Object> input, String message) {
		this.graphQl.document(RECORD).variable("input", input).execute().errors()
			.satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains(message)));
	}

}
