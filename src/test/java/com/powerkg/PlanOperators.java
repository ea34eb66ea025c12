package com.powerkg;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.summary.Plan;

/** The operators of an EXPLAINed plan, the root first, depth first: for tests that a statement seeks and does not sort. */
public final class PlanOperators {

	private PlanOperators() {
	}

	public static List<String> of(Plan plan) {
		List<String> operators = new ArrayList<>();
		collect(plan, operators);
		return operators;
	}

	private static void collect(Plan plan, List<String> into) {
		into.add(plan.operatorType());
		plan.children().forEach(child -> collect(child, into));
	}

}
