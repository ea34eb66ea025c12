package com.powerkg.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.powerkg.history.CustomerHistory;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.segmentation.Feature;
import com.powerkg.segmentation.ValueFeatures;

/**
 * Raw {@link CreditIndicator} values of one customer as of T; NaN where the data have none (never 0 in its place).
 * Payment behaviour uses the same definitions as the value features (docs/value-segmentation.md).
 */
public final class CreditIndicators {

	/** Complaints that speak of the supply itself: power quality, outages, billing. */
	static final java.util.Set<String> QUALITY_TOPICS = java.util.Set.of("POWER_QUALITY", "OUTAGE", "BILLING");

	static final Map<String, Double> SOCIAL_CREDIT = Map.of("A", 0.0, "B", 1.0, "C", 2.0, "D", 3.0);

	private CreditIndicators() {
	}

	public static double[] compute(CustomerHistory history, LocalDate asOf) {
		double[] value = ValueFeatures.compute(history, asOf);
		double[] x = new double[CreditIndicator.values().length];
		List<Bill> due = ValueFeatures.dueBills(history, asOf);
		long onTime = due.stream().filter(b -> !b.overdueOn(asOf)).count();
		x[CreditIndicator.ON_TIME_RATIO.ordinal()] = due.isEmpty() ? Double.NaN : (double) onTime / due.size();
		x[CreditIndicator.OVERDUE_BILLS.ordinal()] = value[Feature.OVERDUE_BILLS.ordinal()];
		// a share of nothing, or the mean lateness of no bills, is unknown rather than 0 (flag NO_DUE_BILLS)
		x[CreditIndicator.OVERDUE_AMOUNT_RATIO.ordinal()] = due.isEmpty() ? Double.NaN : value[Feature.OVERDUE_AMOUNT_RATIO.ordinal()];
		x[CreditIndicator.ARREARS_BALANCE.ordinal()] = due.stream().filter(b -> b.settledAt(asOf).isEmpty())
			.mapToDouble(b -> Math.max(0, b.amount() - b.paidBy(asOf))).sum();
		x[CreditIndicator.MEAN_DAYS_LATE.ordinal()] = due.isEmpty() ? Double.NaN : value[Feature.MEAN_DAYS_LATE.ordinal()];
		x[CreditIndicator.UNANSWERED_DUNNING.ordinal()] = value[Feature.UNANSWERED_DUNNING.ordinal()];
		x[CreditIndicator.QUALITY_COMPLAINTS.ordinal()] = ValueFeatures.workOrdersInLast12Months(history, asOf).stream()
			.filter(w -> "COMPLAINT".equals(w.type()) && QUALITY_TOPICS.contains(w.topic()))
			.count();
		x[CreditIndicator.ANNUAL_KWH.ordinal()] = annualKwh(history, asOf);
		x[CreditIndicator.GROWTH_12M.ordinal()] = value[Feature.GROWTH_12M.ordinal()];
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

	private static double annualKwh(CustomerHistory history, LocalDate asOf) {
		var last = ValueFeatures.lastMonth(asOf);
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
