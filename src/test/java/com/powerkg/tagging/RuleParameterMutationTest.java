package com.powerkg.tagging;

import java.time.LocalDate;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.TestCallers;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.security.Caller;
import com.powerkg.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A steward changes a rule parameter through GraphQL: typed, audited, and used by the next run. */
@GraphTest
class RuleParameterMutationTest {

	static final String SET = """
			mutation($value: String!) { setRuleParameter(tag: REPEATED_ARREARS, name: "minOverdueBills", value: $value,
			                                             reason: "dunning teams focus on 4+") { name value unit } }""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	CsvImporter importer;

	@Test
	void aStewardRaisesAThresholdTheChangeIsAuditedAndTheNextRunUsesIt() {
		GraphQlTester steward = TestCallers.as(this.graphQl, Caller.of("steward-test", Role.STEWARD));
		try {
			steward.document(SET).variable("value", "4").execute()
				.path("setRuleParameter.value").entity(String.class).isEqualTo("4");
			assertThat(this.neo4j.query("""
					MATCH (:RuleParameter {key: 'REPEATED_ARREARS.minOverdueBills'})-[:CHANGED]->(c)
					RETURN c.by + '|' + c.from + '|' + c.to + '|' + c.reason ORDER BY c.at DESC LIMIT 1""")
				.fetchAs(String.class).one()).hasValue("steward-test|3|4|dunning teams focus on 4+");

			this.importer.importDirectory(Fixtures.directory("tags"));
			String run = this.analytics.run(LocalDate.of(2026, 11, 20)).runId();
			assertThat(this.runs.byId(run).orElseThrow().parameters()).contains("REPEATED_ARREARS.minOverdueBills=4");
		}
		finally {
			steward.document(SET).variable("value", "3").execute().path("setRuleParameter.value").entity(String.class).isEqualTo("3");
		}
	}

	@Test
	void aValueOfTheWrongTypeAnUnknownParameterAndAMarketingCallerAreRefused() {
		GraphQlTester steward = TestCallers.as(this.graphQl, Caller.of("steward-test", Role.STEWARD));
		steward.document(SET).variable("value", "four").execute().errors()
			.expect(e -> e.getMessage().equals("REPEATED_ARREARS.minOverdueBills must be a whole number of 0 or more, like its "
					+ "current value 3 (was 'four')"))
			.verify();
		steward.document("mutation { setRuleParameter(tag: REPEATED_ARREARS, name: \"minOverdue\", value: \"4\", reason: \"x\") { value } }")
			.execute().errors()
			.expect(e -> e.getMessage().startsWith("tag REPEATED_ARREARS has no rule parameter 'minOverdue'"))
			.verify();
		this.graphQl.document(SET).variable("value", "4").execute().errors()
			.expect(e -> e.getMessage().contains("needs role STEWARD"))
			.verify();
	}

}
