package com.powerkg.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.collection.CollectionTask.Kind;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan of another date reads the postpaid customers with open bills and their tags in one read (open-bills.cypher)
 * and the others by id (customer-details.cypher): hand-made customers whose tags are set in the published run, so that
 * each path the plan reads is taken (StoredPlanTest compares the whole plan with the run's on generated data, where a
 * postpaid customer never has a tag whose rule uses the mean).
 */
@GraphTest
class PlanOfAnotherDateTest {

	static final LocalDate RUN = LocalDate.of(2026, 11, 20);

	static final LocalDate ANOTHER_MONTH = LocalDate.of(2026, 12, 5);

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	@Autowired
	CollectionPlans plans;

	@Autowired
	Driver driver;

	@Test
	void aPlanAskedForAgainIsTheOneComputedUntilAnotherDateIsAskedOrItIsForgotten() {
		this.plans.forget();
		CollectionPlan first = this.plans.plan(ANOTHER_MONTH);

		assertThat(this.plans.plan(ANOTHER_MONTH)).as("asked again within a minute: the plan computed").isSameAs(first);
		assertThat(this.plans.plan(ANOTHER_MONTH.plusDays(1))).as("another date").isNotSameAs(first);
		CollectionPlan again = this.plans.plan(ANOTHER_MONTH);
		assertThat(again).as("only the last plan is kept").isNotSameAs(first);
		this.plans.forget();
		assertThat(this.plans.plan(ANOTHER_MONTH)).as("forgotten: the data behind it changed").isNotSameAs(again);
	}

	@Test
	void aPostpaidCustomersOpenBillsTagsAndMeanAreReadTogetherAndAChangedContactIsPlannedOnce(@TempDir Path tmp)
			throws IOException {
		Files.writeString(tmp.resolve("customers.csv"), """
				customer_id,name,phone,usage_category,payment_mode,region
				PD001,另日测试,13800003333,RESIDENTIAL,POSTPAID,另日测试网格
				PD002,另日测试二,13800004444,RESIDENTIAL,POSTPAID,另日测试网格
				""");
		Files.writeString(tmp.resolve("bills.csv"), """
				bill_id,customer_id,period,issued_on,due_on,amount,anomaly
				PD001-202610,PD001,2026-10,2026-11-02,2026-11-30,140.00,NONE
				PD001-202609,PD001,2026-09,2026-10-02,2026-10-30,100.00,NONE
				PD002-202611,PD002,2026-11,2026-12-02,2026-12-30,80.00,NONE
				""");
		this.importer.importDirectory(tmp);
		this.analytics.run(RUN);
		// tags of the published run that the rules of the plan read: PD001's top-up advice uses the mean of its bills,
		// and its contact details changed (a verification beside its dunning); PD002 asked for no dunning this month
		tag("PD001", "SMALL_FREQUENT_TOPUP");
		tag("PD001", "CONTACT_UPDATED");
		tag("PD002", "NO_DUNNING_THIS_MONTH");

		List<CollectionTask> tasks = this.plans.plan(ANOTHER_MONTH).tasks();

		assertThat(tasks).filteredOn(t -> t.customerId().equals("PD001")).extracting(CollectionTask::kind)
			.as("one dunning task and one verification, not a second case for the changed contact")
			.containsExactlyInAnyOrder(Kind.DUNNING, Kind.CONTACT_VERIFICATION);
		CollectionTask dunning = tasks.stream().filter(t -> t.customerId().equals("PD001") && t.kind() == Kind.DUNNING).findFirst()
			.orElseThrow();
		assertThat(dunning.billIds()).as("in due order").containsExactly("PD001-202609", "PD001-202610");
		assertThat(dunning.dueAmount()).isEqualTo(240.00);
		assertThat(dunning.rules()).contains(5);
		assertThat(dunning.advice()).as("60 % of the mean of 100.00 and 140.00")
			.anySatisfy(advice -> assertThat(advice).contains("top up at least 72.00 yuan"));
		assertThat(tasks).as("NO_DUNNING_THIS_MONTH speaks of the run's month, not of December")
			.anySatisfy(t -> assertThat(List.of(t.customerId(), t.kind(), t.round())).isEqualTo(List.of("PD002", Kind.DUNNING, 1)));
	}

	private void tag(String customer, String code) {
		this.driver.executableQuery("""
				MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(r)
				MATCH (c:Customer {id: $customer}), (t:Tag {code: $code})
				MERGE (c)-[:HAS_TAG {run: r.id}]->(t)""").withParameters(Map.of("customer", customer, "code", code)).execute();
		this.plans.forget();
	}

}
