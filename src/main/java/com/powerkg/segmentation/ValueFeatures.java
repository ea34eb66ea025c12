package com.powerkg.segmentation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.powerkg.contract.ContractCodes.Importance;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.MonthlyUsage;
import com.powerkg.history.CustomerHistory;
import com.powerkg.history.HistoryFacts;

/**
 * Raw values of the 16 {@link Feature}s for one customer as of a date D (definitions in
 * {@code docs/value-segmentation.md}), followed by the {@link UsageFact}s that decide whether the customer's growth
 * can be measured at all ({@link Exclusion}). Pure: no database, no state. A value the data cannot give is
 * {@link Double#NaN}; {@link FeaturePreparation} imputes it. {@link Feature#REGION_REVENUE_SHARE} needs every
 * customer's revenue and is filled in by {@link FeatureMatrix}.
 */
public final class ValueFeatures {

	/** Months of consumption looked at: the growth features' 36-month trend window, ending with the last complete month. */
	public static final int LOOK_BACK_MONTHS = 36;

	/**
	 * Facts of the consumption history in the {@link #LOOK_BACK_MONTHS} months ending with the last complete month, in
	 * {@link #compute}'s answer after the 16 features ({@link #column(UsageFact)}).
	 */
	public enum UsageFact {

		/** months that have a consumption row (any kWh, 0 included) */
		RECORDED_MONTHS,
		/** months from the first month with kWh above 0 through the last month (1 = only the last month); 0 = none */
		FIRST_USE_MONTHS_AGO,
		/** months without consumption (0 kWh or no row) counted back from the last month, up to the first with some */
		IDLE_MONTHS

	}

	/** Columns of {@link #compute}'s answer: the 16 features in {@link Feature} order, then the {@link UsageFact}s. */
	public static final int WIDTH = Feature.values().length + UsageFact.values().length;

	public static int column(UsageFact fact) {
		return Feature.values().length + fact.ordinal();
	}

	/** GB/T 4754 sections whose interruption hurts the public: mining, utilities, transport, telecom, water, education, health, public administration. */
	static final Set<Character> CRITICAL_SECTIONS = Set.of('B', 'D', 'G', 'I', 'N', 'P', 'Q', 'S');

	/** Manufacturing divisions with continuous hazardous processes: petroleum, chemicals, ferrous and non-ferrous smelting. */
	static final Set<String> CRITICAL_DIVISIONS = Set.of("C25", "C26", "C31", "C32");

	static final Map<String, Double> IMPORTANCE_GRADES = Map.of(Importance.SPECIAL.name(), 4.0, Importance.FIRST.name(), 3.0,
			Importance.SECOND.name(), 2.0, Importance.TEMPORARY.name(), 1.0, Importance.NONE.name(), 0.0);

	private ValueFeatures() {
	}

	/** The 16 features in {@link Feature} order followed by the {@link UsageFact}s ({@link #WIDTH} values). */
	public static double[] compute(CustomerHistory history, LocalDate asOf) {
		double[] x = new double[WIDTH];
		YearMonth last = HistoryFacts.lastMonth(asOf);
		Map<YearMonth, MonthlyUsage> usage = HistoryFacts.usageByMonth(history);
		List<Bill> bills = HistoryFacts.billsOfLast12Periods(history, asOf);
		var profile = history.profile();

		x[Feature.ANNUAL_REVENUE.ordinal()] = bills.stream().mapToDouble(Bill::amount).sum();
		x[Feature.REGION_REVENUE_SHARE.ordinal()] = Double.NaN;
		x[Feature.PEAK_SHARE.ordinal()] = peakShare(usage, last);
		x[Feature.SERVICE_CONTACTS.ordinal()] = HistoryFacts.workOrdersInLast12Months(history, asOf).size()
				+ HistoryFacts.contactsInLast12Months(history, asOf).size();

		x[Feature.IMPORTANCE_GRADE.ordinal()] = IMPORTANCE_GRADES.getOrDefault(profile.importance() == null ? Importance.NONE.name() : profile.importance(), 0.0);
		x[Feature.VOLTAGE_LEVEL.ordinal()] = profile.voltageKv() == null ? Double.NaN : profile.voltageKv();
		x[Feature.CONTRACT_CAPACITY.ordinal()] = profile.contractCapacityKva() == null ? Double.NaN : profile.contractCapacityKva();
		x[Feature.CRITICAL_INDUSTRY.ordinal()] = critical(profile.industryCode()) ? 1 : 0;

		x[Feature.GROWTH_3M.ordinal()] = HistoryFacts.growth(usage, last, 3);
		x[Feature.GROWTH_12M.ordinal()] = HistoryFacts.growth(usage, last, 12);
		x[Feature.TREND_36M.ordinal()] = trend(usage, last, 36);
		x[Feature.VOLATILITY.ordinal()] = volatility(usage, last, 12);

		List<Bill> due = dueBills(history, asOf);
		List<Bill> overdue = due.stream().filter(b -> b.overdueOn(asOf)).toList();
		double dueAmount = due.stream().mapToDouble(Bill::amount).sum();
		x[Feature.OVERDUE_BILLS.ordinal()] = overdue.size();
		x[Feature.OVERDUE_AMOUNT_RATIO.ordinal()] = dueAmount > 0 ? overdue.stream().mapToDouble(Bill::amount).sum() / dueAmount : 0;
		x[Feature.MEAN_DAYS_LATE.ordinal()] = due.stream().mapToLong(b -> daysLate(b, asOf)).average().orElse(0);
		x[Feature.UNANSWERED_DUNNING.ordinal()] = HistoryFacts.unansweredDunning(history, asOf);

		usageFacts(usage, last, x);
		return x;
	}

	static void usageFacts(Map<YearMonth, MonthlyUsage> usage, YearMonth last, double[] x) {
		int recorded = 0;
		int firstUse = 0;
		int idle = 0;
		boolean idleSoFar = true;
		for (int i = 0; i < LOOK_BACK_MONTHS; i++) {
			var m = usage.get(last.minusMonths(i));
			boolean consumed = m != null && m.kwh() > 0;
			recorded += (m != null) ? 1 : 0;
			if (consumed) {
				firstUse = i + 1;
			}
			idleSoFar &= !consumed;
			idle += idleSoFar ? 1 : 0;
		}
		x[column(UsageFact.RECORDED_MONTHS)] = recorded;
		x[column(UsageFact.FIRST_USE_MONTHS_AGO)] = firstUse;
		x[column(UsageFact.IDLE_MONTHS)] = idle;
	}

	/**
	 * Postpaid bills of the last 12 periods that fell due by D and asked for money (prepaid bills are settled from the
	 * balance, and a zero or negative bill asks for nothing).
	 */
	public static List<Bill> dueBills(CustomerHistory history, LocalDate asOf) {
		if (history.prepaid()) {
			return List.of();
		}
		return HistoryFacts.billsOfLast12Periods(history, asOf).stream()
			.filter(b -> b.amount() > CustomerHistory.CENT && !b.dueOn().isAfter(asOf))
			.toList();
	}

	static boolean critical(String industryCode) {
		if (industryCode == null || industryCode.isBlank()) {
			return false;
		}
		String code = industryCode.trim().toUpperCase(Locale.ROOT);
		return CRITICAL_SECTIONS.contains(code.charAt(0)) || (code.length() >= 3 && CRITICAL_DIVISIONS.contains(code.substring(0, 3)));
	}

	/** Peak kWh / kWh over the last 12 months that report a time-of-use split. */
	static double peakShare(Map<YearMonth, MonthlyUsage> usage, YearMonth last) {
		double peak = 0;
		double total = 0;
		for (int i = 0; i < 12; i++) {
			var m = usage.get(last.minusMonths(i));
			if (m != null && m.peakKwh() != null) {
				peak += m.peakKwh();
				total += m.kwh();
			}
		}
		return total > 0 ? peak / total : Double.NaN;
	}

	/**
	 * Least-squares slope of ln(1 + kWh) over the known months among the last {@code months}, per year (×12); NaN
	 * with fewer than 6 known months.
	 */
	static double trend(Map<YearMonth, MonthlyUsage> usage, YearMonth last, int months) {
		int n = 0;
		double sumT = 0;
		double sumY = 0;
		double sumTT = 0;
		double sumTY = 0;
		for (int i = 0; i < months; i++) {
			var m = usage.get(last.minusMonths(i));
			if (m != null) {
				double t = -i;
				double y = Math.log1p(m.kwh());
				n++;
				sumT += t;
				sumY += y;
				sumTT += t * t;
				sumTY += t * y;
			}
		}
		if (n < 6) {
			return Double.NaN;
		}
		double denominator = n * sumTT - sumT * sumT;
		return 12 * (n * sumTY - sumT * sumY) / denominator;
	}

	/** Standard deviation / mean of the known monthly kWh among the last {@code months}; NaN with fewer than 3 or a zero mean. */
	static double volatility(Map<YearMonth, MonthlyUsage> usage, YearMonth last, int months) {
		double[] values = new double[months];
		int n = 0;
		for (int i = 0; i < months; i++) {
			var m = usage.get(last.minusMonths(i));
			if (m != null) {
				values[n++] = m.kwh();
			}
		}
		if (n < 3) {
			return Double.NaN;
		}
		double mean = 0;
		for (int i = 0; i < n; i++) {
			mean += values[i] / n;
		}
		if (mean <= 0) {
			return Double.NaN;
		}
		double variance = 0;
		for (int i = 0; i < n; i++) {
			variance += (values[i] - mean) * (values[i] - mean) / n;
		}
		return Math.sqrt(variance) / mean;
	}

	/** Whole days from the due date to the day the bill was settled, or to D when it is still unsettled; 0 when on time. */
	static long daysLate(Bill bill, LocalDate asOf) {
		LocalDate settled = bill.settledAt(asOf).map(LocalDateTime::toLocalDate).orElse(asOf);
		return Math.max(0, ChronoUnit.DAYS.between(bill.dueOn(), settled));
	}

}
