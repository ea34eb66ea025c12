package com.powerkg.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

/**
 * The collection plan a run stores for its own date ({@code (:CollectionTask {run, rank, ...})-[:FOR]->(:Customer)} and
 * {@code (:AnalyticsRun)-[:PLANNED]->(:PlanWorkload)}), written with the run and published with it; a request pages
 * through it by rank instead of planning again.
 */
@Repository
public class StoredPlans {

	private static final String WRITE_TASKS = CypherResource.load(StoredPlans.class, "write-plan-tasks.cypher");

	private static final String WRITE_WORKLOAD = CypherResource.load(StoredPlans.class, "write-plan-workload.cypher");

	private static final String PAGE = CypherResource.load(StoredPlans.class, "plan-page.cypher");

	private static final String COUNT = CypherResource.load(StoredPlans.class, "plan-count.cypher");

	private static final String OF_RUN = CypherResource.load(StoredPlans.class, "plan-of-run.cypher");

	private static final int WRITE_BATCH = 5000;

	private final Driver driver;

	private final GraphReads reads;

	public StoredPlans(Driver driver, GraphReads reads) {
		this.driver = driver;
		this.reads = reads;
	}

	/** Stores the plan under the run's id. */
	public void write(String runId, CollectionPlan plan) {
		List<CollectionTask> tasks = plan.tasks();
		for (int from = 0; from < tasks.size(); from += WRITE_BATCH) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int i = from; i < Math.min(tasks.size(), from + WRITE_BATCH); i++) {
				CollectionTask t = tasks.get(i);
				Map<String, Object> row = new HashMap<>();
				row.put("rank", (long) (i + 1));
				row.put("customerId", t.customerId());
				row.put("kind", t.kind().name());
				row.put("round", (long) t.round());
				row.put("method", t.method().name());
				row.put("advice", t.advice());
				row.put("rules", t.rules().stream().map(Integer::longValue).toList());
				row.put("bills", t.billIds());
				row.put("dueAmount", t.dueAmount());
				row.put("group", (long) t.group());
				rows.add(row);
			}
			this.driver.executableQuery(WRITE_TASKS).withParameters(Map.of("rows", rows, "run", runId, "date", plan.date())).execute();
		}
		var w = plan.workload();
		Map<CollectionPlan.Slot, long[]> counts = new TreeMap<>(CollectionPlan.Slot.ORDER);
		w.plan().forEach(c -> counts.computeIfAbsent(CollectionPlan.Slot.of(c), s -> new long[2])[0] = c.contacts());
		w.baseline().forEach(c -> counts.computeIfAbsent(CollectionPlan.Slot.of(c), s -> new long[2])[1] = c.contacts());
		List<Map<String, Object>> countRows = new ArrayList<>();
		counts.forEach((slot, n) -> countRows.add(Map.of("kind", slot.kind().name(), "method", slot.method().name(), "round",
				(long) slot.round(), "plan", n[0], "baseline", n[1])));
		Map<String, Object> params = new HashMap<>();
		params.put("run", runId);
		params.put("date", plan.date());
		params.put("tasks", (long) tasks.size());
		params.put("planContacts", w.planContacts());
		params.put("baselineContacts", w.baselineContacts());
		params.put("reductionPercent", w.reductionPercent());
		params.put("verificationTasks", w.verificationTasks());
		params.put("counts", countRows);
		this.driver.executableQuery(WRITE_WORKLOAD).withParameters(params).execute();
	}

	/** A run's stored plan without its tasks: date, size and workload; empty when the run stored none. */
	public Optional<Summary> summary(String runId) {
		return this.reads.optional(OF_RUN, Map.of("run", runId)).filter(r -> !r.get("date").isNull()).map(r -> {
			List<CollectionPlan.Count> plan = new ArrayList<>();
			List<CollectionPlan.Count> baseline = new ArrayList<>();
			for (Value c : r.get("counts").values()) {
				var kind = CollectionTask.Kind.valueOf(c.get("kind").asString());
				var method = ContactMethod.valueOf(c.get("method").asString());
				int round = c.get("round").asInt();
				if (c.get("plan").asLong() > 0) {
					plan.add(new CollectionPlan.Count(kind, method, round, c.get("plan").asLong()));
				}
				if (c.get("baseline").asLong() > 0) {
					baseline.add(new CollectionPlan.Count(kind, method, round, c.get("baseline").asLong()));
				}
			}
			Comparator<CollectionPlan.Count> order = Comparator.comparing(CollectionPlan.Slot::of, CollectionPlan.Slot.ORDER);
			plan.sort(order);
			baseline.sort(order);
			var workload = new CollectionPlan.Workload(plan, baseline, r.get("planContacts").asLong(), r.get("baselineContacts").asLong(),
					r.get("reductionPercent").asDouble(), r.get("verificationTasks").asLong());
			return new Summary(r.get("date").asLocalDate(), r.get("tasks").asLong(), workload);
		});
	}

	/** A stored plan's date, number of tasks and workload. */
	public record Summary(LocalDate date, long tasks, CollectionPlan.Workload workload) {
	}

	/** Narrows a plan; fields combine with AND, values in a list with OR; null = no condition. */
	public record Filter(List<String> kinds, List<String> methods, List<Long> rounds, List<String> regions) {

		public static final Filter NONE = new Filter(null, null, null, null);

		boolean none() {
			return this.kinds == null && this.methods == null && this.rounds == null && this.regions == null;
		}

		void into(Map<String, Object> params) {
			params.put("kinds", this.kinds);
			params.put("methods", this.methods);
			params.put("rounds", this.rounds);
			params.put("regions", this.regions);
		}

	}

	/** A task of a stored plan with its rank in the whole plan. */
	public record RankedTask(int rank, CollectionTask task) {
	}

	/** Up to {@code limit} tasks after rank {@code afterRank} that pass the filter, in rank order. */
	public List<RankedTask> page(String runId, Filter filter, int afterRank, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("run", runId);
		params.put("after", (long) afterRank);
		params.put("limit", (long) limit);
		filter.into(params);
		return this.reads.list(PAGE, params, r -> {
			Value t = r.get("task");
			var task = new CollectionTask(t.get("customerId").asString(), CollectionTask.Kind.valueOf(t.get("kind").asString()),
					t.get("round").asInt(), ContactMethod.valueOf(t.get("method").asString()), t.get("advice").asList(Value::asString),
					t.get("dueAmount").asDouble(), t.get("bills").asList(Value::asString), t.get("rules").asList(Value::asInt),
					t.get("group").asInt());
			return new RankedTask(t.get("rank").asInt(), task);
		});
	}

	/** Tasks of the stored plan that pass the filter. */
	public long count(String runId, Filter filter, long tasks) {
		if (filter.none()) {
			return tasks;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("run", runId);
		filter.into(params);
		return this.reads.single(COUNT, params).get("n").asLong();
	}

}
