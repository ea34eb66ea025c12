package com.powerkg.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.powerkg.analytics.AnalyticsRuns;
import com.powerkg.graph.CypherResource;
import com.powerkg.tagging.TagCode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Builds the collection plan for a dunning date from the graph: open postpaid bills with the rounds made, prepaid
 * balances, and the tags of the published run, then {@link CollectionPlanner}'s rules. The last plan is kept per
 * date and published run, so paging through it costs one computation.
 */
@Service
public class CollectionPlans {

	private static final Logger log = LoggerFactory.getLogger(CollectionPlans.class);

	private static final String OPEN_BILLS = CypherResource.load(CollectionPlans.class, "open-bills.cypher");

	private static final String OTHERS = CypherResource.load(CollectionPlans.class, "other-customers.cypher");

	private static final String DETAILS = CypherResource.load(CollectionPlans.class, "customer-details.cypher");

	private static final String RUN_AS_OF = CypherResource.load(CollectionPlans.class, "run-as-of.cypher");

	private static final int BATCH = 2000;

	private final Driver driver;

	private final AnalyticsRuns runs;

	/** How long a plan is reused for paging; recorded contacts clear it at once ({@link #forget()}). */
	static final java.time.Duration REUSE = java.time.Duration.ofMinutes(1);

	private volatile CollectionPlan last;

	private volatile long lastComputedAt;

	private final java.util.concurrent.locks.ReentrantLock computing = new java.util.concurrent.locks.ReentrantLock();

	public CollectionPlans(Driver driver, AnalyticsRuns runs) {
		this.driver = driver;
		this.runs = runs;
	}

	public CollectionPlan plan(LocalDate date) {
		String run = this.runs.publishedRunId().orElse(null);
		CollectionPlan cached = this.last;
		if (cached != null && cached.date().equals(date) && java.util.Objects.equals(cached.run(), run)
				&& System.nanoTime() - this.lastComputedAt < REUSE.toNanos()) {
			return cached;
		}
		// one computation at a time: concurrent requests for the same plan wait for it instead of each computing it
		this.computing.lock();
		try {
			cached = this.last;
			if (cached != null && cached.date().equals(date) && java.util.Objects.equals(cached.run(), run)
					&& System.nanoTime() - this.lastComputedAt < REUSE.toNanos()) {
				return cached;
			}
			CollectionPlan plan = compute(date, run);
			this.last = plan;
			this.lastComputedAt = System.nanoTime();
			return plan;
		}
		finally {
			this.computing.unlock();
		}
	}

	/** Drops the reused plan: the data behind it changed. */
	public void forget() {
		this.last = null;
	}

	private CollectionPlan compute(LocalDate date, String run) {
		long started = System.nanoTime();
		Map<String, List<CollectionCase.OpenBill>> bills = new LinkedHashMap<>();
		Map<String, Object> window = Map.of("from", date.minusMonths(12), "asOf", date, "until", date.plusDays(1).atStartOfDay());
		this.driver.executableQuery(OPEN_BILLS).withParameters(window).execute().records().forEach(r -> bills
			.computeIfAbsent(r.get("customerId").asString(), id -> new ArrayList<>())
			.add(new CollectionCase.OpenBill(r.get("billId").asString(), r.get("dueOn").asLocalDate(), r.get("open").asDouble(),
					Set.copyOf(r.get("rounds").asList(Value::asInt)))));
		long billsRead = System.nanoTime();
		Set<String> ids = new LinkedHashSet<>(bills.keySet());
		Map<String, Object> runParam = new HashMap<>();
		runParam.put("runId", run);
		this.driver.executableQuery(OTHERS).withParameters(runParam).execute().records().forEach(r -> ids.add(r.get("id").asString()));

		List<String> all = new ArrayList<>(ids);
		List<CollectionTask> tasks = new ArrayList<>();
		Map<String, Long> plan = new TreeMap<>();
		Map<String, Long> baseline = new TreeMap<>();
		String firstPeriod = YearMonth.from(date).minusMonths(12).toString();
		String lastPeriod = YearMonth.from(date).minusMonths(1).toString();
		// NO_DUNNING_THIS_MONTH speaks of the run's month: it does not hold back a plan for another month
		boolean sameMonth = run != null && YearMonth.from(runAsOf(run)).equals(YearMonth.from(date));
		for (int from = 0; from < all.size(); from += BATCH) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", all.subList(from, Math.min(all.size(), from + BATCH)));
			params.put("runId", run);
			params.put("asOf", date);
			params.put("until", date.plusDays(1).atStartOfDay());
			params.put("firstPeriod", firstPeriod);
			params.put("lastPeriod", lastPeriod);
			for (var r : this.driver.executableQuery(DETAILS).withParameters(params).execute().records()) {
				String id = r.get("id").asString();
				Set<TagCode> tags = EnumSet.noneOf(TagCode.class);
				r.get("tags").asList(Value::asString).forEach(code -> tags.add(TagCode.valueOf(code)));
				if (!sameMonth) {
					tags.remove(TagCode.NO_DUNNING_THIS_MONTH);
				}
				double average = r.get("recentAmounts").asList(Value::asDouble).stream().mapToDouble(Double::doubleValue).average().orElse(0);
				boolean prepaid = r.get("prepaid").asBoolean();
				var c = new CollectionCase(id, prepaid, tags, bills.getOrDefault(id, List.of()), average,
						prepaid ? r.get("balance").asDouble() : null);
				for (CollectionTask task : CollectionPlanner.plan(c, date)) {
					tasks.add(task);
					if (task.kind() != CollectionTask.Kind.CONTACT_VERIFICATION) {
						plan.merge(key(task), 1L, Long::sum);
					}
				}
				CollectionPlanner.baseline(c, date).ifPresent(task -> baseline.merge(key(task), 1L, Long::sum));
			}
		}
		long detailsRead = System.nanoTime();
		tasks.sort(CollectionPlanner.ORDER);
		long planContacts = plan.values().stream().mapToLong(Long::longValue).sum();
		long baselineContacts = baseline.values().stream().mapToLong(Long::longValue).sum();
		long verifications = tasks.stream().filter(t -> t.kind() == CollectionTask.Kind.CONTACT_VERIFICATION).count();
		var workload = new CollectionPlan.Workload(counts(plan), counts(baseline), planContacts, baselineContacts,
				baselineContacts == 0 ? 0 : Math.round(1000.0 * (baselineContacts - planContacts) / baselineContacts) / 10.0, verifications);
		log.info("collection plan for {}: {} tasks, {} contacts against {} in the uniform baseline, in {} ms ({} open bills of {} "
				+ "customers read in {} ms, tags and balances of {} customers in {} ms)", date, tasks.size(), planContacts, baselineContacts,
				(System.nanoTime() - started) / 1_000_000, bills.values().stream().mapToInt(List::size).sum(), bills.size(),
				(billsRead - started) / 1_000_000, all.size(), (detailsRead - billsRead) / 1_000_000);
		return new CollectionPlan(date, run, List.copyOf(tasks), workload);
	}

	private LocalDate runAsOf(String run) {
		return this.driver.executableQuery(RUN_AS_OF).withParameters(Map.of("id", run))
			.execute().records().getFirst().get("asOf").asLocalDate();
	}

	private static String key(CollectionTask task) {
		return task.kind() + "|" + task.method() + "|" + task.round();
	}

	private static List<CollectionPlan.Count> counts(Map<String, Long> byKey) {
		return byKey.entrySet().stream().map(e -> {
			String[] k = e.getKey().split("\\|");
			return new CollectionPlan.Count(CollectionTask.Kind.valueOf(k[0]), ContactMethod.valueOf(k[1]), Integer.parseInt(k[2]),
					e.getValue());
		}).sorted(Comparator.comparing(CollectionPlan.Count::kind).thenComparingInt(CollectionPlan.Count::round)
			.thenComparing(CollectionPlan.Count::method)).toList();
	}

}
