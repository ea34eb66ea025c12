package com.powerkg.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers the plan of one dunning date case by case: each case's tasks ({@link CollectionPlanner#plan}) and the
 * uniform baseline's contact for it, counted per kind, method and round. Builders of separate batches merge; the plan
 * is sorted once at the end. Used by the run (from the histories it reads) and for a date without a run (from the
 * graph), so both plans are made by the same code.
 */
public final class PlanBuilder {

	private final LocalDate date;

	private final SettleWindows windows;

	private final List<CollectionTask> tasks = new ArrayList<>();

	private final Map<CollectionPlan.Slot, Long> plan = new TreeMap<>(CollectionPlan.Slot.ORDER);

	private final Map<CollectionPlan.Slot, Long> baseline = new TreeMap<>(CollectionPlan.Slot.ORDER);

	public PlanBuilder(LocalDate date, SettleWindows windows) {
		this.date = date;
		this.windows = windows;
	}

	public void add(CollectionCase c) {
		for (CollectionTask task : CollectionPlanner.plan(c, this.date, this.windows)) {
			this.tasks.add(task);
			if (task.kind() != CollectionTask.Kind.CONTACT_VERIFICATION) {
				this.plan.merge(CollectionPlan.Slot.of(task), 1L, Long::sum);
			}
		}
		CollectionPlanner.baseline(c, this.date).ifPresent(task -> this.baseline.merge(CollectionPlan.Slot.of(task), 1L, Long::sum));
	}

	public PlanBuilder merge(PlanBuilder other) {
		this.tasks.addAll(other.tasks);
		other.plan.forEach((slot, n) -> this.plan.merge(slot, n, Long::sum));
		other.baseline.forEach((slot, n) -> this.baseline.merge(slot, n, Long::sum));
		return this;
	}

	/** The ranked plan and its workload next to the baseline. */
	public CollectionPlan build(String run) {
		List<CollectionTask> ranked = new ArrayList<>(this.tasks);
		ranked.sort(CollectionPlanner.ORDER);
		long planContacts = this.plan.values().stream().mapToLong(Long::longValue).sum();
		long baselineContacts = this.baseline.values().stream().mapToLong(Long::longValue).sum();
		long verifications = ranked.stream().filter(t -> t.kind() == CollectionTask.Kind.CONTACT_VERIFICATION).count();
		var workload = new CollectionPlan.Workload(counts(this.plan), counts(this.baseline), planContacts, baselineContacts,
				CollectionPlan.Workload.reduction(planContacts, baselineContacts), verifications);
		return new CollectionPlan(this.date, run, List.copyOf(ranked), workload);
	}

	private static List<CollectionPlan.Count> counts(Map<CollectionPlan.Slot, Long> bySlot) {
		return bySlot.entrySet().stream()
			.map(e -> new CollectionPlan.Count(e.getKey().kind(), e.getKey().method(), e.getKey().round(), e.getValue()))
			.toList();
	}

}
