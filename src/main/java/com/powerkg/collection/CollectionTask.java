package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
import java.util.List;

/**
 * One line of the collection plan.
 *
 * @param kind      DUNNING (a round for open bills), LOW_BALANCE_WARNING (prepaid) or CONTACT_VERIFICATION (for the
 *                  customer-records team)
 * @param round     1 reminder, 2 after due date, 3 overdue notice, 4 cut-off notice; 0 for the other kinds
 * @param rules     the SPEC §7 rules (1-8) that shaped the task
 * @param group     ranking group: 0 arrears/anomaly and responsive, 1 arrears/anomaly, 2 arrears/anomaly and
 *                  unresponsive, 3 settle habit before the day, 4 settle habit on the day, 5 no habit, 6 others
 */
public record CollectionTask(String customerId, Kind kind, int round, ContactMethod method, List<String> advice,
		double dueAmount, List<String> billIds, List<Integer> rules, int group) {

	public enum Kind {

		DUNNING, LOW_BALANCE_WARNING, CONTACT_VERIFICATION

	}

}
