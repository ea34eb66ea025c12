package com.powerkg.credit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.powerkg.contract.ContractCodes.SocialCredit;
import com.powerkg.contract.ContractCodes.WorkOrderTopic;
import com.powerkg.contract.ContractCodes.WorkOrderType;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Payment;
import com.powerkg.history.CustomerHistory;
import com.powerkg.history.HistoryFacts;

/**
 * Raw {@link CreditIndicator} values of one customer as of T, from what was known at the end of T only (bills issued
 * and payments made up to T); NaN where the data have none, never 0 in its place. Definitions in docs/credit-rating.md.
 *
 * <p>Payment behaviour is measured over the customer's own <em>last bills</em> that fell due by T (the last 3, 6 and
 * 12), not over calendar months before T: for a customer billed every month the two are the same, and for one whose
 * billing stopped (an account closed, or data that end before T) the indicators describe the last bills there are
 * instead of an empty window. How recent those bills are is not an indicator (it would only measure the as-of date);
 * the drift gate counts customers without a recent bill ({@link #recentHistory}).
 */
public final class CreditIndicators {

	/** Complaints that speak of the supply itself: power quality, outages, billing. */
	static final Set<String> QUALITY_TOPICS = Set.of(WorkOrderTopic.POWER_QUALITY.name(), WorkOrderTopic.OUTAGE.name(),
			WorkOrderTopic.BILLING.name());

	/** A = 0 … D = 3: the contract's order of the grades. */
	static final Map<String, Double> SOCIAL_CREDIT = Arrays.stream(SocialCredit.values())
		.collect(Collectors.toUnmodifiableMap(SocialCredit::name, g -> (double) g.ordinal()));

	/** A bill issued within this many months before T makes a customer's history recent (drift gate). */
	public static final int RECENT_MONTHS = 3;

	/** A prepaid balance within this share of an average bill of its lowest level counts as near zero. */
	static final double NEAR_ZERO_SHARE = 0.10;

	private static final int N = CreditIndicator.values().length;

	private CreditIndicators() {
	}

	public static double[] compute(CustomerHistory history, LocalDate asOf) {
		double[] x = new double[N];
		Arrays.fill(x, Double.NaN);
		LocalDateTime endOfT = asOf.plusDays(1).atStartOfDay();
		List<Bill> due = dueBills(history, asOf);
		if (!due.isEmpty()) {
			paymentBehaviour(due, asOf, endOfT, x);
		}
		if (history.prepaid()) {
			prepaidBalance(history, asOf, endOfT, x);
		}
		x[CreditIndicator.UNANSWERED_DUNNING.ordinal()] = HistoryFacts.unansweredDunning(history, asOf);
		x[CreditIndicator.QUALITY_COMPLAINTS.ordinal()] = HistoryFacts.workOrdersInLast12Months(history, asOf).stream()
			.filter(w -> WorkOrderType.COMPLAINT.name().equals(w.type()) && QUALITY_TOPICS.contains(w.topic()))
			.count();
		x[CreditIndicator.ANNUAL_KWH.ordinal()] = annualKwh(history, asOf);
		x[CreditIndicator.GROWTH_12M.ordinal()] = HistoryFacts.growth(HistoryFacts.usageByMonth(history), HistoryFacts.lastMonth(asOf), 12);
		var e = history.profile().enterprise();
		x[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()] = orNaN(e.assetLiabilityRatio());
		x[CreditIndicator.CURRENT_RATIO.ordinal()] = orNaN(e.currentRatio());
		x[CreditIndicator.RETURN_ON_NET_ASSETS.ordinal()] = orNaN(e.returnOnNetAssets());
		x[CreditIndicator.LOAN_ON_TIME_RATE.ordinal()] = orNaN(e.loanOnTimeRate());
		x[CreditIndicator.SOCIAL_CREDIT.ordinal()] = e.socialCredit() == null ? Double.NaN
				: SOCIAL_CREDIT.getOrDefault(e.socialCredit(), Double.NaN);
		x[CreditIndicator.REACTIVE_COMPENSATION.ordinal()] = e.reactiveCompensation() == null ? Double.NaN : e.reactiveCompensation() ? 1 : 0;
		x[CreditIndicator.CALIBRATION_ON_SCHEDULE.ordinal()] = e.calibrationOnSchedule() == null ? Double.NaN
				: e.calibrationOnSchedule() ? 1 : 0;
		x[CreditIndicator.EQUIPMENT_ACCIDENTS.ordinal()] = e.equipmentAccidents() == null ? Double.NaN : e.equipmentAccidents();
		return x;
	}

	/**
	 * Postpaid bills that asked for money (amount above half a cent), issued and due by T, in the order they fell due.
	 * Prepaid bills are settled from the meter balance and never fall due this way.
	 */
	static List<Bill> dueBills(CustomerHistory history, LocalDate asOf) {
		if (history.prepaid()) {
			return List.of();
		}
		List<Bill> due = new ArrayList<>();
		for (Bill b : history.bills()) {
			if (b.amount() > CustomerHistory.CENT && !b.issuedOn().isAfter(asOf) && !b.dueOn().isAfter(asOf)) {
				due.add(b);
			}
		}
		due.sort(Comparator.comparing(Bill::dueOn).thenComparing(Bill::period));
		return due;
	}

	/** A bill issued in the {@value #RECENT_MONTHS} months up to T: the customer's payment indicators are current. */
	public static boolean recentHistory(CustomerHistory history, LocalDate asOf) {
		LocalDate after = asOf.minusMonths(RECENT_MONTHS);
		return history.bills().stream().anyMatch(b -> b.issuedOn().isAfter(after) && !b.issuedOn().isAfter(asOf));
	}

	private static void paymentBehaviour(List<Bill> due, LocalDate asOf, LocalDateTime endOfT, double[] x) {
		List<Bill> last12 = last(due, 12);
		x[CreditIndicator.PAID_SHARE_3.ordinal()] = rounded(paidShare(last(due, 3)));
		x[CreditIndicator.PAID_SHARE_6.ordinal()] = rounded(paidShare(last(due, 6)));
		x[CreditIndicator.PAID_SHARE_12.ordinal()] = rounded(paidShare(last12));

		double outstanding = 0;
		for (Bill b : due) {
			outstanding += Math.max(0, b.amount() - b.paidBy(asOf));
		}
		double averageBill = last12.stream().mapToDouble(Bill::amount).average().orElseThrow();
		x[CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL.ordinal()] = rounded(outstanding / averageBill);

		int delinquent = 0;
		int missed = 0;
		double weightedDays = 0;
		double paidAmount = 0;
		int run = 0;
		int longest = 0;
		int lastDelinquent = -1;
		long worstDays = 0;
		int payments = 0;
		for (int i = 0; i < last12.size(); i++) {
			Bill b = last12.get(i);
			if (delinquent(b)) {
				delinquent++;
				run++;
				longest = Math.max(longest, run);
				lastDelinquent = i;
			}
			else {
				run = 0;
			}
			worstDays = Math.max(worstDays, daysPastDue(b, asOf));
			if (b.paidBy(b.dueOn()) <= CustomerHistory.CENT) {
				missed++;
			}
			for (Payment p : b.payments()) {
				if (p.paidAt().isBefore(endOfT)) {
					payments++;
					weightedDays += p.amount() * ChronoUnit.DAYS.between(b.dueOn(), p.paidAt().toLocalDate());
					paidAmount += p.amount();
				}
			}
		}
		x[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = delinquent;
		x[CreditIndicator.LONGEST_DELINQUENT_RUN.ordinal()] = longest;
		x[CreditIndicator.WORST_DAYS_PAST_DUE.ordinal()] = worstDays;
		x[CreditIndicator.DAYS_BEYOND_TERMS.ordinal()] = paidAmount > CustomerHistory.CENT ? rounded(weightedDays / paidAmount) : Double.NaN;
		x[CreditIndicator.MISSED_BILLS.ordinal()] = missed;
		// none delinquent: as many bills as there are to look at (a new customer's 3 clean bills say less than 12)
		x[CreditIndicator.MONTHS_SINCE_DELINQUENCY.ordinal()] = lastDelinquent < 0 ? last12.size() : last12.size() - 1 - lastDelinquent;
		x[CreditIndicator.PAYMENTS_PER_BILL.ordinal()] = (double) payments / last12.size();

		if (due.size() >= 6) {
			List<Bill> recent = due.subList(due.size() - 3, due.size());
			List<Bill> before = due.subList(due.size() - 6, due.size() - 3);
			x[CreditIndicator.PAID_SHARE_TREND.ordinal()] = rounded(paidShare(recent) - paidShare(before));
			x[CreditIndicator.BILLED_TREND.ordinal()] = rounded(Math.log((billed(recent) + 1) / (billed(before) + 1)));
		}
	}

	/** Not paid in full by the end of its due date: a partly paid bill is delinquent on the rest. */
	static boolean delinquent(Bill b) {
		return b.paidBy(b.dueOn()) < b.amount() - CustomerHistory.CENT;
	}

	/** Days from the due date until the bill was paid in full, or until T while it is not; 0 when paid in time. */
	static long daysPastDue(Bill b, LocalDate asOf) {
		LocalDate settled = b.settledAt(asOf).map(LocalDateTime::toLocalDate).orElse(asOf);
		return Math.max(0, ChronoUnit.DAYS.between(b.dueOn(), settled));
	}

	/** What the bills got by their due dates (each at most its amount) over what they asked for. */
	static double paidShare(List<Bill> bills) {
		double paid = 0;
		for (Bill b : bills) {
			paid += Math.min(b.amount(), b.paidBy(b.dueOn()));
		}
		return paid / billed(bills);
	}

	/**
	 * Ratios of sums of money to 6 decimals: 0.9999999999999998 and 1.0 are the same share, and a bin must not cut
	 * between them (the order of additions would decide a customer's bin).
	 */
	static double rounded(double ratio) {
		return Math.round(ratio * 1e6) / 1e6;
	}

	private static double billed(List<Bill> bills) {
		return bills.stream().mapToDouble(Bill::amount).sum();
	}

	private static <T> List<T> last(List<T> list, int n) {
		return list.subList(Math.max(0, list.size() - n), list.size());
	}

	/**
	 * Prepaid: the data hold bills (deducted from the meter balance at issue) and top-ups, not the balance itself, so
	 * the balance is known up to the unknown amount the customer had before the first bill in the data. An episode is
	 * a run of consecutive bills among the last 12 issued by T after whose deduction the balance was within
	 * {@value #NEAR_ZERO_SHARE} of an average bill of the lowest level it reached up to T: the level at which the
	 * customer ran out. The top-up cover is what was topped up to pay for those bills (since the bill before the first
	 * of them was deducted) over what they deducted.
	 */
	private static void prepaidBalance(CustomerHistory history, LocalDate asOf, LocalDateTime endOfT, double[] x) {
		List<Bill> issued = history.bills().stream().filter(b -> !b.issuedOn().isAfter(asOf)).toList();
		if (issued.isEmpty()) {
			return;
		}
		List<Payment> topUps = history.payments().stream().filter(p -> p.topUp() && p.paidAt().isBefore(endOfT)).toList();
		double[] afterBill = new double[issued.size()];
		double balance = 0;
		int next = 0;
		for (int k = 0; k < issued.size(); k++) {
			LocalDateTime deducted = issued.get(k).issuedOn().atStartOfDay();
			while (next < topUps.size() && topUps.get(next).paidAt().isBefore(deducted)) {
				balance += topUps.get(next++).amount();
			}
			balance -= issued.get(k).amount();
			afterBill[k] = balance;
		}
		double lowest = Arrays.stream(afterBill).min().orElseThrow();
		int from = Math.max(0, issued.size() - 12);
		List<Bill> last12 = issued.subList(from, issued.size());
		double averageBill = last12.stream().mapToDouble(Bill::amount).filter(a -> a > CustomerHistory.CENT).average().orElse(0);
		int episodes = 0;
		boolean inEpisode = false;
		for (int k = from; k < issued.size(); k++) {
			boolean low = afterBill[k] <= lowest + NEAR_ZERO_SHARE * averageBill + CustomerHistory.CENT;
			if (low && !inEpisode) {
				episodes++;
			}
			inEpisode = low;
		}
		x[CreditIndicator.LOW_BALANCE_EPISODES.ordinal()] = episodes;
		double deductedTotal = last12.stream().mapToDouble(b -> Math.max(0, b.amount())).sum();
		// the top-ups that paid for these bills: those made since the bill before the first of them was deducted
		LocalDateTime since = from == 0 ? LocalDateTime.MIN : issued.get(from - 1).issuedOn().atStartOfDay();
		double toppedUp = topUps.stream().filter(p -> !p.paidAt().isBefore(since)).mapToDouble(Payment::amount).sum();
		x[CreditIndicator.TOP_UP_COVER.ordinal()] = deductedTotal > CustomerHistory.CENT ? rounded(toppedUp / deductedTotal) : Double.NaN;
	}

	private static double annualKwh(CustomerHistory history, LocalDate asOf) {
		var last = HistoryFacts.lastMonth(asOf);
		var first = last.minusMonths(11);
		return history.consumption().stream()
			.filter(m -> !m.month().isBefore(first) && !m.month().isAfter(last))
			.mapToDouble(CustomerHistory.MonthlyUsage::kwh)
			.sum();
	}

	private static double orNaN(Double v) {
		return v == null ? Double.NaN : v;
	}

}
