package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.powerkg.history.CustomerHistory;
import com.powerkg.tagging.TagCode;

import static com.powerkg.history.CustomerHistory.CENT;

/**
 * What the planner knows of a customer on a dunning date D, from the customer's history and tags: the same facts
 * {@link CollectionPlans} reads from the graph for a date without a run (open-bills.cypher, customer-details.cypher),
 * computed here from the history a run reads anyway, so the run can store the plan of its date.
 */
public final class CollectionCases {

	private CollectionCases() {
	}

	/**
	 * The customer's case on D, or empty when the plan has nothing to consider (a postpaid customer without open bills
	 * and without a contact change).
	 */
	public static Optional<CollectionCase> of(CustomerHistory history, Set<TagCode> tags, LocalDate d) {
		LocalDateTime until = d.plusDays(1).atStartOfDay();
		boolean prepaid = history.prepaid();
		List<CollectionCase.OpenBill> open = new ArrayList<>();
		if (!prepaid) {
			LocalDate from = d.minusMonths(12);
			for (CustomerHistory.Bill bill : history.bills()) {
				if (bill.dueOn().isBefore(from) || bill.issuedOn().isAfter(d) || bill.amount() <= CENT) {
					continue;
				}
				double paid = bill.paidBy(d);
				if (paid < bill.amount() - CENT) {
					List<CollectionPlans.Contact> contacts = history.contacts().stream()
						.filter(c -> bill.id().equals(c.billId()) && c.contactedAt().isBefore(until))
						.map(c -> new CollectionPlans.Contact(c.round(), ContactMethod.valueOf(c.method()), c.reached()))
						.toList();
					open.add(CollectionPlans.openBill(bill.id(), bill.dueOn(), bill.amount() - paid, contacts));
				}
			}
		}
		boolean contactChanged = tags.contains(TagCode.CONTACT_UPDATED) || tags.contains(TagCode.CONTACT_ADDED);
		if (!prepaid && open.isEmpty() && !contactChanged) {
			return Optional.empty();
		}
		Ledger ledger = Ledger.of(history);
		double average = ledger.averageMonthlyBill(d);
		Double balance = prepaid ? ledger.balance(d) : null;
		open.sort(CollectionCase.OpenBill.LISTED);
		return Optional.of(new CollectionCase(history.customerId(), prepaid, tags, List.copyOf(open), average, balance));
	}

}
