package com.powerkg.portrait;

import java.util.ArrayList;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@GraphTest
class CustomerGraphQlTest {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	CsvImporter importer;

	@Autowired
	org.neo4j.driver.Driver driver;

	@Autowired
	com.powerkg.analytics.AnalyticsService analytics;

	@BeforeEach
	void smallFixtureIsImported() {
		// idempotent, so every test can rely on it whatever ran before
		this.importer.importDirectory(Fixtures.directory("small"));
	}

	@Test
	void customerProfileHasMaskedPersonalDataAndEnterpriseFinancials() {
		this.graphQl.document("""
				{ customer(id: "B001") { id name phone usageCategory importance paymentMode region socialCredit voltageKv
				    financials { assetLiabilityRatio reactiveCompensation equipmentAccidents } } }""")
			.execute()
			.path("customer.id").entity(String.class).isEqualTo("B001")
			.path("customer.name").entity(String.class).isEqualTo("城东" + "*".repeat(10))
			.path("customer.phone").entity(String.class).isEqualTo("137****1111")
			.path("customer.usageCategory").entity(String.class).isEqualTo("LARGE_INDUSTRIAL")
			.path("customer.importance").entity(String.class).isEqualTo("SECOND")
			.path("customer.socialCredit").entity(String.class).isEqualTo("A")
			.path("customer.voltageKv").entity(Double.class).isEqualTo(10.0)
			.path("customer.financials.assetLiabilityRatio").entity(Double.class).isEqualTo(0.52)
			.path("customer.financials.reactiveCompensation").entity(Boolean.class).isEqualTo(true)
			.path("customer.financials.equipmentAccidents").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void residentialCustomerHasNoFinancialsAndAnOpeningDate() {
		this.graphQl.document("{ customer(id: \"R001\") { name openedOn financials { currentRatio } } }")
			.execute()
			.path("customer.name").entity(String.class).isEqualTo("张*")
			.path("customer.openedOn").entity(String.class).isEqualTo("2015-03-01")
			.path("customer.financials").valueIsNull();
	}

	/** One customer edited by hand into other types answers, and does not fail the page of customers it is on. */
	@Test
	void aCustomerWhosePropertiesWereEditedIntoOtherTypesStillAnswersAndDoesNotFailItsPage() {
		this.driver.executableQuery("""
				MERGE (c:Customer {id: '0000-EDITED'})
				SET c.name = 'Edited by hand', c.usageCategory = 'LARGE_INDUSTRIAL', c.paymentMode = 'POSTPAID',
				    c.voltageKv = 10, c.openedOn = '2015-03-01', c.equipmentAccidents = 'many'""").execute();
		try {
			this.graphQl.document("{ customer(id: \"0000-EDITED\") { id voltageKv openedOn financials { equipmentAccidents } } }")
				.execute()
				.path("customer.voltageKv").entity(Double.class).isEqualTo(10.0)
				.path("customer.openedOn").entity(String.class).isEqualTo("2015-03-01")
				.path("customer.financials").valueIsNull();
			this.graphQl.document("{ customers(first: 2) { edges { node { id voltageKv } } } }")
				.execute()
				.path("customers.edges[*].node.id").entityList(String.class).contains("0000-EDITED");
		}
		finally {
			this.driver.executableQuery("MATCH (c:Customer {id: '0000-EDITED'}) DETACH DELETE c").execute();
		}
	}

	@Test
	void unknownCustomerIsNull() {
		this.graphQl.document("{ customer(id: \"NOPE\") { id } }").execute().path("customer").valueIsNull();
	}

	@Test
	void channelsAreCountedFromPaymentsMostUsedFirstByTheRun() {
		this.analytics.run(java.time.LocalDate.of(2026, 11, 20));

		this.graphQl.document("{ customer(id: \"R001\") { channels { channel nameZh payments lastUsedAt } } }")
			.execute()
			.path("customer.channels[*].channel").entityList(String.class).containsExactly("ALIPAY", "WECHAT")
			.path("customer.channels[0].nameZh").entity(String.class).isEqualTo("支付宝")
			.path("customer.channels[0].lastUsedAt").entity(String.class).isEqualTo("2026-10-06T20:01:00");
	}

	@Test
	void pagesWalkAllMatchingCustomersInIdOrderWithoutGapsOrRepeats() {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = this.graphQl.document("""
					query($after: String) { customers(first: 2, after: $after, filter: {regions: ["城东网格01", "城西网格02"]}) {
					  edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }""")
				.variable("after", after)
				.execute();
			seen.addAll(response.path("customers.edges[*].node.id").entityList(String.class).get());
			hasNext = response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get();
			response.path("customers.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			after = response.path("customers.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(ids(
				"MATCH (c:Customer) WHERE c.region IN ['城东网格01', '城西网格02'] RETURN c.id AS id ORDER BY id"))
			.contains("B001", "B002", "R001", "R002", "R003");
	}

	@Test
	void filtersCombineWithAnd() {
		this.graphQl.document("""
				{ customers(first: 50, filter: {usageCategories: [RESIDENTIAL], paymentMode: POSTPAID, regions: ["城东网格01", "城西网格02"]}) {
				    edges { node { id } } } }""")
			.execute()
			.path("customers.edges[*].node.id").entityList(String.class).containsExactly(ids("""
					MATCH (c:Customer) WHERE c.usageCategory = 'RESIDENTIAL' AND c.paymentMode = 'POSTPAID'
					  AND c.region IN ['城东网格01', '城西网格02'] RETURN c.id AS id ORDER BY id LIMIT 50""").toArray(String[]::new))
			.contains("R001", "R003");
	}

	/** The ground truth of a filter, straight from the graph (other tests may have put customers in the same regions). */
	private List<String> ids(String cypher) {
		return this.driver.executableQuery(cypher).execute().records().stream().map(r -> r.get("id").asString()).toList();
	}

	@Test
	void pageLargerThanTheCapIsRefusedWithAClearError() {
		this.graphQl.document("{ customers(first: 100000) { edges { node { id } } } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("first must be between 1 and 500 (was 100000); page through larger sets with after"))
			.verify()
			.path("customers")
			.valueIsNull();
	}

	@Test
	void foreignCursorIsRefused() {
		this.graphQl.document("{ customers(first: 5, after: \"not-a-cursor\") { edges { node { id } } } }")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("is not a cursor"))
			.verify()
			.path("customers")
			.valueIsNull();
	}

}
