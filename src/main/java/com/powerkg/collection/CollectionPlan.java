package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The ranked tasks for a dunning date, and the workload next to the uniform four-round baseline for the same bills.
 *
 * @param run the published analytics run whose tags shaped the plan (null: none yet, the plan has no tag rules)
 */
public record CollectionPlan(LocalDate date, String run, List<CollectionTask> tasks, Workload workload) {

	/** What a contact is: its kind, method and round; the key of the workload's counts. */
	public record Slot(CollectionTask.Kind kind, ContactMethod method, int round) {

		/** Kind, then round, then method: the order of the workload tables. */
		public static final Comparator<Slot> ORDER = Comparator.comparing(Slot::kind).thenComparingInt(Slot::round)
			.thenComparing(Slot::method);

		public static Slot of(CollectionTask task) {
			return new Slot(task.kind(), task.method(), task.round());
		}

		public static Slot of(Count count) {
			return new Slot(count.kind(), count.method(), count.round());
		}

	}

	/** Contacts of one kind, method and round. */
	public record Count(CollectionTask.Kind kind, ContactMethod method, int round, long contacts) {
	}

	/**
	 * @param plan      contacts the plan makes (dunning and low-balance warnings; verifications are the records team's)
	 * @param baseline  contacts the uniform four-round baseline makes for the same bills and balances
	 */
	public record Workload(List<Count> plan, List<Count> baseline, long planContacts, long baselineContacts,
			double reductionPercent, long verificationTasks) {

		/** Contacts the plan saves, in per cent of the baseline's, to one decimal. */
		static double reduction(long planContacts, long baselineContacts) {
			return baselineContacts == 0 ? 0 : Math.round(1000.0 * (baselineContacts - planContacts) / baselineContacts) / 10.0;
		}

	}

}
