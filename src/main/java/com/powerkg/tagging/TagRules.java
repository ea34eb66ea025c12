package com.powerkg.tagging;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Contact;
import com.powerkg.history.CustomerHistory.Payment;
import com.powerkg.history.CustomerHistory;

import static com.powerkg.history.CustomerHistory.CENT;
import static com.powerkg.tagging.TagCode.*;

/**
 * The portrait tag rules of SPEC §3 as pure functions of a customer's history, an as-of date D and the
 * steward-maintained parameters. Definitions used throughout:
 * <ul>
 * <li>"up to D" includes all of day D;</li>
 * <li>"in the N months before D" means on a date after D minus N months, up to D;</li>
 * <li>"the last N cycles" are the N bill periods ending with the latest period issued on or before D;</li>
 * <li>a bill's settle date is when its payments (up to D) first add up to its amount;</li>
 * <li>a bill is overdue when settled after its due date, or unsettled while D is past its due date. Bills of
 * prepaid customers are settled from the prepaid balance and bills of zero or negative amount need no payment,
 * so neither is ever overdue.</li>
 * </ul>
 */
public final class TagRules {

	private static final Set<String> REMOTE_DUNNING = Set.of(ContactMethod.PHONE.name(), ContactMethod.SMS.name());

	private final TagParameters parameters;

	public TagRules(TagParameters parameters) {
		this.parameters = parameters;
	}

	public List<TagAssignment> evaluate(CustomerHistory history, LocalDate asOf) {
		var window = new Window(asOf);
		List<TagAssignment> tags = new ArrayList<>();
		billingAnomaly(history, window).ifPresent(tags::add);
		repeatedArrears(history, window).ifPresent(tags::add);
		noFixedChannel(history, window).ifPresent(tags::add);
		settleHabit(history, window, SETTLES_EARLY).ifPresent(tags::add);
		settleHabit(history, window, SETTLES_MID).ifPresent(tags::add);
		settleHabit(history, window, SETTLES_LATE).ifPresent(tags::add);
		dunningResponse(history, window).ifPresent(tags::add);
		smallFrequentTopUp(history, window).ifPresent(tags::add);
		statement(history, window, DUNNING_AVERSE, DunningResponse.REFUSES_ALL_DUNNING, null).ifPresent(tags::add);
		statement(history, window, PHONE_DUNNING_AVERSE, DunningResponse.REFUSES_PHONE, null).ifPresent(tags::add);
		statement(history, window, NO_DUNNING_THIS_MONTH, DunningResponse.REFUSES_THIS_MONTH, window.month().atDay(1).minusDays(1)).ifPresent(tags::add);
		statement(history, window, CONTACT_UPDATED, DunningResponse.CONTACT_UPDATED, window.monthsBefore(months(CONTACT_UPDATED))).ifPresent(tags::add);
		statement(history, window, CONTACT_ADDED, DunningResponse.CONTACT_ADDED, window.monthsBefore(months(CONTACT_ADDED))).ifPresent(tags::add);
		return tags;
	}

	private Optional<TagAssignment> billingAnomaly(CustomerHistory history, Window window) {
		List<String> anomalies = this.parameters.strings(BILLING_ANOMALY, "anomalies");
		List<Bill> bills = history.bills()
			.stream()
			.filter(b -> YearMonth.from(b.issuedOn()).equals(window.month()) && window.includes(b.issuedOn()))
			.filter(b -> anomalies.contains(b.anomaly()))
			.toList();
		return assign(BILLING_ANOMALY, ids(bills), () -> bills.stream()
			.map(b -> "bill " + b.id() + " issued " + b.issuedOn() + " has anomaly " + b.anomaly())
			.collect(Collectors.joining("; ")));
	}

	private Optional<TagAssignment> repeatedArrears(CustomerHistory history, Window window) {
		if (history.prepaid()) {
			return Optional.empty();
		}
		LocalDate after = window.monthsBefore(months(REPEATED_ARREARS));
		List<Bill> issued = history.bills()
			.stream()
			.filter(b -> b.issuedOn().isAfter(after) && window.includes(b.issuedOn()))
			.toList();
		List<Bill> overdue = issued.stream().filter(b -> b.overdueOn(window.asOf())).sorted(Comparator.comparing(Bill::issuedOn)).toList();
		if (overdue.size() < this.parameters.integer(REPEATED_ARREARS, "minOverdueBills")) {
			return Optional.empty();
		}
		return assign(REPEATED_ARREARS, ids(overdue), () -> overdue.size() + " of " + issued.size()
				+ " bills issued after " + after + " were overdue");
	}

	private Optional<TagAssignment> noFixedChannel(CustomerHistory history, Window window) {
		Optional<LocalDate> start = cyclesStart(history, window, this.parameters.integer(NO_FIXED_CHANNEL, "cycles"));
		if (start.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Payment> latestPerChannel = new TreeMap<>();
		for (Payment p : history.payments()) {
			if (!p.paidAt().toLocalDate().isBefore(start.get()) && window.includes(p.paidAt())) {
				latestPerChannel.merge(p.channel(), p, (a, b) -> a.paidAt().isAfter(b.paidAt()) ? a : b);
			}
		}
		if (latestPerChannel.size() < this.parameters.integer(NO_FIXED_CHANNEL, "minChannels")) {
			return Optional.empty();
		}
		return assign(NO_FIXED_CHANNEL, latestPerChannel.values().stream().map(Payment::id).toList(),
				() -> "paid through " + latestPerChannel.size() + " channels since " + start.get() + ": "
						+ String.join(", ", latestPerChannel.keySet()));
	}

	private Optional<TagAssignment> settleHabit(CustomerHistory history, Window window, TagCode habit) {
		if (history.prepaid()) {
			// prepaid bills are settled from the balance: a stray bill payment says nothing about a habit
			return Optional.empty();
		}
		int from = this.parameters.integer(habit, "fromDay");
		int to = this.parameters.integer(habit, "toDay");
		List<Bill> cycles = lastCycles(history, window, this.parameters.integer(habit, "cycles"));
		List<Bill> inWindow = new ArrayList<>();
		for (Bill bill : cycles) {
			if (bill.amount() > CENT) {
				bill.settledAt(window.asOf()).map(LocalDateTime::getDayOfMonth)
					.filter(day -> day >= from && day <= to)
					.ifPresent(day -> inWindow.add(bill));
			}
		}
		if (inWindow.size() < this.parameters.integer(habit, "minBills")) {
			return Optional.empty();
		}
		return assign(habit, ids(inWindow), () -> inWindow.size() + " of the last " + cycles.size()
				+ " bills were settled on day " + from + "-" + to + " of the month");
	}

	private Optional<TagAssignment> dunningResponse(CustomerHistory history, Window window) {
		LocalDate after = window.monthsBefore(months(DUNNING_RESPONSIVE));
		Optional<Contact> latest = history.contacts()
			.stream()
			.filter(c -> c.reached() && REMOTE_DUNNING.contains(c.method()))
			.filter(c -> c.contactedAt().toLocalDate().isAfter(after) && window.includes(c.contactedAt()))
			.max(Comparator.comparing(Contact::contactedAt));
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		Contact contact = latest.get();
		int hours = this.parameters.integer(DUNNING_RESPONSIVE, "responseHours");
		LocalDateTime deadline = contact.contactedAt().plusHours(hours);
		Optional<Payment> response = history.payments()
			.stream()
			.filter(p -> !p.paidAt().isBefore(contact.contactedAt()) && !p.paidAt().isAfter(deadline) && window.includes(p.paidAt()))
			.min(Comparator.comparing(Payment::paidAt));
		if (response.isPresent()) {
			return assign(DUNNING_RESPONSIVE, List.of(contact.id(), response.get().id()),
					() -> "paid " + response.get().paidAt() + " within " + hours + " h of the " + contact.method() + " contact of "
							+ contact.contactedAt());
		}
		if (!window.includes(deadline)) {
			// the response window is still open on D: neither tag until it closes
			return Optional.empty();
		}
		return assign(DUNNING_UNRESPONSIVE, List.of(contact.id()),
				() -> "no payment within " + hours + " h of the " + contact.method() + " contact of " + contact.contactedAt());
	}

	private Optional<TagAssignment> smallFrequentTopUp(CustomerHistory history, Window window) {
		if (!history.prepaid()) {
			return Optional.empty();
		}
		List<Bill> cycles = lastCycles(history, window, this.parameters.integer(SMALL_FREQUENT_TOPUP, "cycles"));
		Optional<LocalDate> start = cycles.stream().map(Bill::issuedOn).min(Comparator.naturalOrder());
		List<Bill> charged = cycles.stream().filter(b -> b.amount() > CENT).toList();
		if (start.isEmpty() || charged.isEmpty()) {
			return Optional.empty();
		}
		List<Payment> topUps = history.payments()
			.stream()
			.filter(p -> p.topUp() && !p.paidAt().toLocalDate().isBefore(start.get()) && window.includes(p.paidAt()))
			.sorted(Comparator.comparing(Payment::paidAt))
			.toList();
		if (topUps.isEmpty()) {
			return Optional.empty();
		}
		double averageBill = charged.stream().mapToDouble(Bill::amount).average().orElseThrow();
		double averageTopUp = topUps.stream().mapToDouble(Payment::amount).average().orElseThrow();
		double ratio = averageBill / averageTopUp;
		double threshold = this.parameters.decimal(SMALL_FREQUENT_TOPUP, "minBillToTopupRatio");
		if (ratio <= threshold) {
			return Optional.empty();
		}
		return assign(SMALL_FREQUENT_TOPUP, topUps.stream().map(Payment::id).toList(), () -> String.format(Locale.ROOT,
				"average bill %.2f yuan / average top-up %.2f yuan = %.2f > %s (%d top-ups since %s)", averageBill,
				averageTopUp, ratio, threshold, topUps.size(), start.get()));
	}

	/**
	 * A stated preference or contact change: the latest contact with this response up to D and, when
	 * {@code after} is given, after that date.
	 */
	private Optional<TagAssignment> statement(CustomerHistory history, Window window, TagCode tag, DunningResponse response,
			LocalDate after) {
		Optional<Contact> latest = history.contacts()
			.stream()
			.filter(c -> response.name().equals(c.response()) && window.includes(c.contactedAt()))
			.filter(c -> after == null || c.contactedAt().toLocalDate().isAfter(after))
			.max(Comparator.comparing(Contact::contactedAt));
		return latest.flatMap(c -> assign(tag, List.of(c.id()), () -> "stated " + response + " on " + c.contactedAt()));
	}

	/**
	 * The bills of the last {@code n} cycles: the {@code n} bill periods ending with the latest period issued on or
	 * before D (SPEC §3), so a gap in billing shortens the window instead of reaching further back.
	 */
	static List<Bill> lastCycles(CustomerHistory history, Window window, int n) {
		Optional<YearMonth> latest = history.bills()
			.stream()
			.filter(b -> window.includes(b.issuedOn()))
			.map(Bill::period)
			.max(Comparator.naturalOrder());
		if (latest.isEmpty()) {
			return List.of();
		}
		YearMonth first = latest.get().minusMonths(n - 1L);
		return history.bills()
			.stream()
			.filter(b -> window.includes(b.issuedOn()) && !b.period().isBefore(first) && !b.period().isAfter(latest.get()))
			.sorted(Comparator.comparing(Bill::period).thenComparing(Bill::id))
			.toList();
	}

	private static Optional<LocalDate> cyclesStart(CustomerHistory history, Window window, int n) {
		return lastCycles(history, window, n).stream().map(Bill::issuedOn).min(Comparator.naturalOrder());
	}

	private int months(TagCode tag) {
		return this.parameters.integer(tag, "lookbackMonths");
	}

	private static List<String> ids(List<Bill> bills) {
		return bills.stream().map(Bill::id).toList();
	}

	private static Optional<TagAssignment> assign(TagCode code, List<String> evidence,
			Supplier<String> explanation) {
		return evidence.isEmpty() ? Optional.empty() : Optional.of(new TagAssignment(code, evidence, explanation.get()));
	}

	/** The as-of date D and the "up to D" test every rule shares. */
	record Window(LocalDate asOf) {

		boolean includes(LocalDate date) {
			return !date.isAfter(this.asOf);
		}

		boolean includes(LocalDateTime time) {
			return time.isBefore(this.asOf.plusDays(1).atStartOfDay());
		}

		YearMonth month() {
			return YearMonth.from(this.asOf);
		}

		LocalDate monthsBefore(int months) {
			return this.asOf.minusMonths(months);
		}

	}

}
