package com.powerkg.collection;

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
 * A page of a run's stored plan reads the (run, rank) index in rank order and stops after the page: no sort of every
 * task of the run (at 1M customers, 268k tasks, the sort cost 70 ms of CPU a page and kept 32 clients at p95 1.6 s).
 */
@GraphTest
class StoredPlanPagePlanTest {

	@Autowired
	Driver driver;

	@Test
	void aPageSeeksTheRunsTasksInRankOrderWithoutSortingThem() {
		for (int after : new int[] { 0, 500 }) {
			Map<String, Object> parameters = new HashMap<>();
			for (String name : List.of("kinds", "methods", "rounds", "regions")) {
				parameters.put(name, null);
			}
			parameters.put("run", "run-2026-11-20-x");
			parameters.put("after", after);
			parameters.put("limit", 51);
			Plan plan = this.driver.executableQuery("EXPLAIN " + CypherResource.load(StoredPlans.class, "plan-page.cypher"))
				.withParameters(parameters).execute().summary().plan();
			List<String> operators = PlanOperators.of(plan);
			assertThat(operators).as("after = " + after).anyMatch(o -> o.startsWith("NodeIndexSeek"))
				.noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("Sort") || o.startsWith("Top") || o.startsWith("PartialSort"));
		}
	}

}
