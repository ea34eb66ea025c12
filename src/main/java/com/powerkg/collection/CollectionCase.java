package com.powerkg.collection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.tagging.TagCode;

/**
 * What the planner knows of one customer on the dunning date: tags of the published run, open postpaid bills with
 * the rounds already done for each, and for prepaid customers the estimated balance.
 *
 * @param averageMonthlyBill mean amount of the positive bills of the last 12 periods (yuan); a plan computed from the
 *                           graph reads it only where a rule uses it (CollectionPlanner.usesAverage), else 0
 * @param prepaidBalance     prepaid only: top-ups minus bills over the imported history (yuan); null for postpaid
 */
public record CollectionCase(String customerId, boolean prepaid, Set<TagCode> tags, List<OpenBill> bills,
		double averageMonthlyBill, Double prepaidBalance) {

	/**
	 * A postpaid bill not settled on the dunning date.
	 *
	 * @param openAmount what is still unpaid (yuan)
	 * @param roundsDone dunning rounds made about this bill that reached the customer (dunning_contacts.round with
	 *                   reached = true); a round that did not reach the customer is not done
	 * @param unreached  per round, the methods tried about this bill that did not reach the customer
	 */
	public record OpenBill(String id, LocalDate dueOn, double openAmount, Set<Integer> roundsDone,
			Map<Integer, Set<ContactMethod>> unreached) {

		/** The order a task lists its bills in, whichever way they were read: by due date, then by id. */
		public static final Comparator<OpenBill> LISTED = Comparator.comparing(OpenBill::dueOn)
			.thenComparing(OpenBill::id);

		public OpenBill {
			roundsDone = Set.copyOf(roundsDone);
			unreached = Map.copyOf(unreached);
		}

		public OpenBill(String id, LocalDate dueOn, double openAmount, Set<Integer> roundsDone) {
			this(id, dueOn, openAmount, roundsDone, Map.of());
		}

	}

	boolean has(TagCode tag) {
		return this.tags.contains(tag);
	}

}
