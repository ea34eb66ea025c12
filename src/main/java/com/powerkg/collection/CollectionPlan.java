package com.powerkg.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * The ranked tasks for a dunning date, and the workload next to the uniform four-round baseline for the same bills.
 *
 * @param run the published analytics run whose tags shaped the plan (null: none yet, the plan has no tag rules)
 */
public record CollectionPlan(LocalDate date, String run, List<CollectionTask> tasks, Workload workload) {

	/** Contacts of one kind, method and round. */
	public record Count(CollectionTask.Kind kind, ContactMethod method, int round, long contacts) {
	}

	/**
	 * @param plan      contacts the plan makes (dunning and low-balance warnings; verifications are the records team's)
	 * @param baseline  contacts the uniform four-round baseline makes for the same bills and balances
	 */
	public record Workload(List<Count> plan, List<Count> baseline, long planContacts, long baselineContacts,
			double reductionPercent, long verificationTasks) {
	}

}
