package com.powerkg.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Contact;
import com.powerkg.history.CustomerHistory.MonthlyUsage;
import com.powerkg.history.CustomerHistory.Payment;
import com.powerkg.history.CustomerHistory.WorkOrder;

/**
 * Facts of a customer's history as of a date that more than one stage uses (the value features and the credit
 * indicators), each defined once here so that the stages share the history, not each other's code.
 */
public final class HistoryFacts {

	/** A dunning contact is answered by a payment within this time. */
	public static final Duration RESPONSE_WINDOW = Duration.ofHours(48);

	private HistoryFacts() {
	}

	/** The last complete month as of D: the month before D's. Bills of this period are the latest considered. */
	public static YearMonth lastMonth(LocalDate asOf) {
		return YearMonth.from(asOf).minusMonths(1);
	}

	/** Bills of the 12 periods ending with the last complete month, issued on or before D. */
	public static List<Bill> billsOfLast12Periods(CustomerHistory history, LocalDate asOf) {
		YearMonth last = lastMonth(asOf);
		YearMonth first = last.minusMonths(11);
		return history.bills().stream()
			.filter(b -> !b.period().isBefore(first) && !b.period().isAfter(last) && !b.issuedOn().isAfter(asOf))
			.toList();
	}

	/** 95598 work orders of the last 12 months: after D minus 12 months, up to the end of D. */
	public static List<WorkOrder> workOrdersInLast12Months(CustomerHistory history, LocalDate asOf) {
		Predicate<LocalDateTime> last12Months = last12Months(asOf);
		return history.workOrders().stream().filter(w -> last12Months.test(w.createdAt())).toList();
	}

	/** Dunning contacts of the last 12 months: after D minus 12 months, up to the end of D. */
	public static List<Contact> contactsInLast12Months(CustomerHistory history, LocalDate asOf) {
		Predicate<LocalDateTime> last12Months = last12Months(asOf);
		return history.contacts().stream().filter(c -> last12Months.test(c.contactedAt())).toList();
	}

	/** After D minus 12 months, up to the end of D (the bounds computed once, not per record). */
	private static Predicate<LocalDateTime> last12Months(LocalDate asOf) {
		LocalDateTime from = asOf.minusMonths(12).plusDays(1).atStartOfDay();
		LocalDateTime until = asOf.plusDays(1).atStartOfDay();
		return at -> !at.isBefore(from) && at.isBefore(until);
	}

	/** Reached dunning contacts of the last 12 months whose 48 h had passed by the end of D without any payment. */
	public static int unansweredDunning(CustomerHistory history, LocalDate asOf) {
		LocalDateTime endOfD = asOf.plusDays(1).atStartOfDay();
		int unanswered = 0;
		for (Contact c : contactsInLast12Months(history, asOf)) {
			LocalDateTime deadline = c.contactedAt().plus(RESPONSE_WINDOW);
			if (!c.reached() || deadline.isAfter(endOfD)) {
				continue;
			}
			boolean paid = history.payments().stream().map(Payment::paidAt)
				.anyMatch(t -> !t.isBefore(c.contactedAt()) && !t.isAfter(deadline));
			if (!paid) {
				unanswered++;
			}
		}
		return unanswered;
	}

	/** The monthly consumption by month. */
	public static Map<YearMonth, MonthlyUsage> usageByMonth(CustomerHistory history) {
		Map<YearMonth, MonthlyUsage> usage = new HashMap<>();
		history.consumption().forEach(m -> usage.put(m.month(), m));
		return usage;
	}

	/**
	 * ln((kWh of the last {@code months} months + 1) / (kWh of the same months a year earlier + 1)); NaN unless
	 * every one of those months is known.
	 */
	public static double growth(Map<YearMonth, MonthlyUsage> usage, YearMonth last, int months) {
		double recent = 0;
		double earlier = 0;
		for (int i = 0; i < months; i++) {
			var now = usage.get(last.minusMonths(i));
			var before = usage.get(last.minusMonths(i + 12L));
			if (now == null || before == null) {
				return Double.NaN;
			}
			recent += now.kwh();
			earlier += before.kwh();
		}
		return Math.log((recent + 1) / (earlier + 1));
	}

}
