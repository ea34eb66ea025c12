package com.powerkg.tagging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The tag rules' boundaries through a real analytics run on the embedded database (fixtures/tags/README.md). */
@GraphTest
class TaggingThroughAnalyzeTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@BeforeEach
	void fixtureIsImportedAndAnalysed() {
		this.importer.importDirectory(Fixtures.directory("tags"));
		this.analytics.run(AS_OF);
	}

	@Test
	void boundaryCustomersGetExactlyTheTagsTheRulesPromise() {
		assertThat(tags("T_ARR3")).contains("REPEATED_ARREARS");
		assertThat(tags("T_ARR2")).doesNotContain("REPEATED_ARREARS");
		assertThat(tags("T_DAY10")).contains("SETTLES_EARLY").doesNotContain("SETTLES_MID");
		assertThat(tags("T_DAY11")).contains("SETTLES_MID").doesNotContain("SETTLES_EARLY");
		assertThat(tags("T_DAY21")).contains("SETTLES_LATE").doesNotContain("SETTLES_MID");
		assertThat(tags("T_47H")).contains("DUNNING_RESPONSIVE").doesNotContain("DUNNING_UNRESPONSIVE");
		assertThat(tags("T_49H")).contains("DUNNING_UNRESPONSIVE").doesNotContain("DUNNING_RESPONSIVE");
		assertThat(tags("T_UNREACHED")).doesNotContain("DUNNING_RESPONSIVE", "DUNNING_UNRESPONSIVE");
		assertThat(tags("T_TOPUP_PRE")).contains("SMALL_FREQUENT_TOPUP");
		assertThat(tags("T_TOPUP_POST")).doesNotContain("SMALL_FREQUENT_TOPUP");
		assertThat(tags("T_CHANNELS")).contains("NO_FIXED_CHANNEL");
		assertThat(tags("T_STATED")).contains("DUNNING_AVERSE", "PHONE_DUNNING_AVERSE", "NO_DUNNING_THIS_MONTH", "CONTACT_UPDATED")
			.doesNotContain("CONTACT_ADDED");
		assertThat(tags("T_ANOMALY")).contains("BILLING_ANOMALY");
	}

	@Test
	void customerTagsCarryEvidenceAndExplanationThroughGraphQl() {
		this.graphQl.document("{ customer(id: \"T_ARR3\") { tags { code nameZh evidence explanation asOf } } }")
			.execute()
			.path("customer.tags[?(@.code == 'REPEATED_ARREARS')].evidence[*]").entityList(String.class)
			.containsExactly("T_ARR3-202606", "T_ARR3-202608", "T_ARR3-202609")
			.path("customer.tags[?(@.code == 'REPEATED_ARREARS')].nameZh").entityList(String.class).containsExactly("多次欠费")
			.path("customer.tags[?(@.code == 'REPEATED_ARREARS')].asOf").entityList(String.class).containsExactly("2026-11-20");
	}

	@Test
	void customersCanBeFilteredByAllOfAndAnyOfTags() {
		this.graphQl.document("""
				{ customers(first: 50, filter: {tagsAllOf: [DUNNING_AVERSE, CONTACT_UPDATED]}) { edges { node { id } } } }""")
			.execute()
			.path("customers.edges[*].node.id").entityList(String.class).containsExactly("T_STATED");
		this.graphQl.document("""
				{ customers(first: 50, filter: {tagsAnyOf: [DUNNING_RESPONSIVE, SMALL_FREQUENT_TOPUP], regions: null}) {
				    edges { node { id } } } }""")
			.execute()
			.path("customers.edges[*].node.id").entityList(String.class).contains("T_47H", "T_TOPUP_PRE").doesNotContain("T_49H");
	}

	@Test
	void rerunningTheSameDateGivesTheSameTagsAndKeepsThePublishedAndThePreviousRunsResults() {
		Map<String, Set<String>> before = allTags();

		this.analytics.run(AS_OF);
		this.analytics.run(AS_OF);

		assertThat(allTags()).isEqualTo(before);
		List<String> runsWithResults = this.driver.executableQuery("MATCH ()-[t:HAS_TAG]->() RETURN collect(DISTINCT t.run) AS runs")
			.execute().records().getFirst().get("runs").asList(org.neo4j.driver.Value::asString);
		assertThat(runsWithResults).as("powerkg.analytics.keep-superseded-runs=1")
			.containsExactlyInAnyOrderElementsOf(this.analytics.latest(2).stream().map(AnalyticsRun::id).toList());
	}

	@Test
	void runsAreRecordedWithCountsAndParametersAndTheLatestIsCurrent() {
		List<AnalyticsRun> runs = this.analytics.latest(2);

		assertThat(runs.getFirst().current()).isTrue();
		assertThat(runs.getFirst().status()).isEqualTo("SUCCEEDED");
		assertThat(runs.getFirst().parameters()).contains("REPEATED_ARREARS.minOverdueBills=3");
		this.graphQl.document("{ analyticsRuns(last: 1) { asOf status current customersAnalysed tagCounts { code customers } } }")
			.execute()
			.path("analyticsRuns[0].current").entity(Boolean.class).isEqualTo(true)
			.path("analyticsRuns[0].asOf").entity(String.class).isEqualTo("2026-11-20")
			.path("analyticsRuns[0].tagCounts[*].code").entityList(String.class).hasSize(TagCode.values().length)
			.path("analyticsRuns[0].tagCounts[?(@.code == 'SMALL_FREQUENT_TOPUP')].customers").entityList(Integer.class)
			.containsExactly(countOf("SMALL_FREQUENT_TOPUP"))
			.path("analyticsRuns[0].customersAnalysed").entity(Integer.class)
			.isEqualTo((int) this.driver.executableQuery("MATCH (c:Customer) RETURN count(c) AS n").execute().records().getFirst().get("n").asLong());
		// the parameters as typed figures: by tag and name, one per parameter in the graph
		this.graphQl.document("{ analyticsRuns(last: 1) { parameters ruleParameters { tag name value } } }")
			.execute()
			.path("analyticsRuns[0].ruleParameters[?(@.tag == 'REPEATED_ARREARS' && @.name == 'minOverdueBills')].value")
			.entityList(String.class).containsExactly("3")
			.path("analyticsRuns[0].ruleParameters").entityList(Object.class)
			.hasSize((int) this.driver.executableQuery("MATCH (:Tag)-[:HAS_PARAMETER]->(p:RuleParameter) RETURN count(p) AS n")
				.execute().records().getFirst().get("n").asLong())
			.path("analyticsRuns[0].parameters").entityList(String.class).contains("REPEATED_ARREARS.minOverdueBills=3");
	}

	@Test
	void taxonomyListsCategoriesTagsBroaderLinksAndParameters() {
		this.graphQl.document("{ tagTaxonomy { code nameZh tags { code nameZh broader parameters { name value unit } } } }")
			.execute()
			.path("tagTaxonomy[*].code").entityList(String.class)
			.containsExactly("BILLING", "PAYMENT_HABIT", "DUNNING_RESPONSE", "PREFERENCE", "CONTACT")
			.path("tagTaxonomy[*].tags[*].code").entityList(String.class).hasSize(TagCode.values().length)
			.path("tagTaxonomy[3].tags[?(@.code == 'PHONE_DUNNING_AVERSE')].broader[*]").entityList(String.class)
			.containsExactly("DUNNING_AVERSE")
			.path("tagTaxonomy[1].tags[?(@.code == 'SMALL_FREQUENT_TOPUP')].parameters[?(@.name == 'minBillToTopupRatio')].value")
			.entityList(String.class).containsExactly("1.6");
	}

	@Test
	void theTaxonomyInTheGraphHasExactlyTheCodesOfTheRulesAndTheSchema() {
		Set<String> inGraph = new TreeSet<>();
		this.driver.executableQuery("MATCH (t:Tag) RETURN t.code AS code").execute().records().forEach(r -> inGraph.add(r.get("code").asString()));
		Set<String> inJava = new TreeSet<>();
		for (TagCode code : TagCode.values()) {
			inJava.add(code.name());
		}
		Set<String> inSchema = new TreeSet<>(this.graphQl.document("{ __type(name: \"TagCode\") { enumValues { name } } }")
			.execute().path("__type.enumValues[*].name").entityList(String.class).get());

		assertThat(inGraph).isEqualTo(inJava).isEqualTo(inSchema);
	}

	private int countOf(String code) {
		return (int) this.driver.executableQuery("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run)
				MATCH (c:Customer)-[h:HAS_TAG]->(:Tag {code: $code}) WHERE h.run = run.id
				RETURN count(DISTINCT c) AS n""").withParameters(Map.of("code", code)).execute().records().getFirst().get("n").asLong();
	}

	private Set<String> tags(String customerId) {
		return allTags().getOrDefault(customerId, Set.of());
	}

	private Map<String, Set<String>> allTags() {
		Map<String, Set<String>> result = new java.util.TreeMap<>();
		this.driver.executableQuery("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run)
				MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag) WHERE h.run = run.id AND c.id STARTS WITH 'T_'
				RETURN c.id AS id, collect(t.code) AS codes""").execute().records()
			.forEach(r -> result.put(r.get("id").asString(), new TreeSet<>(r.get("codes").asList(org.neo4j.driver.Value::asString))));
		return result;
	}

}
