package com.powerkg.portrait;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.GraphTest;
import com.powerkg.PlanOperators;
import com.powerkg.graph.CypherResource;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of customers reads the id index from the cursor in order and stops after the page, whatever the store's size:
 * no scan of every customer and no sort (at 1M customers the scan and sort cost 2.5 s of CPU a page).
 */
@GraphTest
class CustomersPagePlanTest {

	@Autowired
	Driver driver;

	@Test
	void aPageSeeksTheIdIndexInOrderWithoutScanningOrSortingEveryCustomer() {
		for (String after : new String[] { null, "C00000500" }) {
			Map<String, Object> parameters = new HashMap<>();
			for (String name : List.of("usageCategories", "paymentMode", "regions", "importance", "tagsAllOf", "tagsAnyOf",
					"segments", "creditGrades", "runId", "creditRunId")) {
				parameters.put(name, null);
			}
			parameters.put("after", after);
			parameters.put("limit", 51);
			Plan plan = this.driver.executableQuery("EXPLAIN " + CypherResource.load(CustomerQueries.class, "customers-page.cypher"))
				.withParameters(parameters).execute().summary().plan();
			List<String> operators = PlanOperators.of(plan);
			assertThat(operators).as("after = " + after).anyMatch(o -> o.startsWith("NodeIndexSeekByRange") || o.startsWith("NodeUniqueIndexSeekByRange"))
				.noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("Sort") || o.startsWith("Top") || o.startsWith("PartialSort"));
		}
	}

}
