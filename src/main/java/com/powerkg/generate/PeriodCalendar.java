package com.powerkg.generate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates every customer shares, computed once per run so the per-customer loop works with plain
 * epoch days and seconds (local time, no zone) instead of allocating {@code java.time} objects.
 *
 * <p>Billing convention: the bill of period P is issued on day 1-3 of month P+1 and is due on the
 * last day of month P+1. Settle habits (early / mid / late of the month, seed 004) are therefore
 * days of the issue month, and every habit pays on time; "late" means after the issue month.
 */
final class PeriodCalendar {

	static final long SECONDS_PER_DAY = 86_400L;
	static final long HOUR = 3_600L;

	/** Months beyond the last period that bill deadlines and the cut-off round reach into. */
	private static final int TRAILING_MONTHS = 4;

	private final int months;
	private final YearMonth firstPeriod;
	private final long[] monthStartDay;
	private final int[] monthLength;
	private final String[] periodLabel;
	private final String[] billIdSuffix;
	private final long extractDay;
	private final long observedOnDay;
	private final long outcomeWindowEndDay;
	private final boolean hasOutcomes;

	PeriodCalendar(GeneratorConfig config) {
		this.months = config.months();
		this.firstPeriod = config.firstPeriod();
		int span = months + TRAILING_MONTHS;
		this.monthStartDay = new long[span];
		this.monthLength = new int[span];
		for (int j = 0; j < span; j++) {
			YearMonth ym = firstPeriod.plusMonths(j);
			monthStartDay[j] = ym.atDay(1).toEpochDay();
			monthLength[j] = ym.lengthOfMonth();
		}
		this.periodLabel = new String[months];
		this.billIdSuffix = new String[months];
		for (int k = 0; k < months; k++) {
			YearMonth ym = firstPeriod.plusMonths(k);
			String yyyy = Integer.toString(ym.getYear());
			String mm = ym.getMonthValue() < 10 ? "0" + ym.getMonthValue() : Integer.toString(ym.getMonthValue());
			periodLabel[k] = yyyy + "-" + mm;
			billIdSuffix[k] = "-" + yyyy + mm;
		}
		this.extractDay = config.extractDate().toEpochDay();
		// credit_outcomes: observed on the first day of the period 12 months before lastPeriod+1,
		// the outcome is whatever happens in the 12 months after it (DATA-CONTRACT.md).
		LocalDate observedOn = config.lastPeriod().plusMonths(1).minusMonths(12).atDay(1);
		this.observedOnDay = observedOn.toEpochDay();
		this.outcomeWindowEndDay = observedOn.plusMonths(12).minusDays(1).toEpochDay();
		this.hasOutcomes = months >= 13;
	}

	int months() {
		return months;
	}

	/** 1..12 for bill period k. */
	int monthOfYear(int k) {
		return firstPeriod.plusMonths(k).getMonthValue();
	}

	/** First day of the month j months after the first period (j = 0 is the first period). */
	long monthStartDay(int j) {
		return monthStartDay[j];
	}

	int monthLength(int j) {
		return monthLength[j];
	}

	long periodStartDay(int k) {
		return monthStartDay[k];
	}

	long issueMonthStartDay(int k) {
		return monthStartDay[k + 1];
	}

	int issueMonthLength(int k) {
		return monthLength[k + 1];
	}

	long dueDay(int k) {
		return monthStartDay[k + 2] - 1;
	}

	String periodLabel(int k) {
		return periodLabel[k];
	}

	/** "-YYYYMM", appended to the customer id to form the bill id. */
	String billIdSuffix(int k) {
		return billIdSuffix[k];
	}

	long firstDay() {
		return monthStartDay[0];
	}

	long extractDay() {
		return extractDay;
	}

	/** Events at or after this second are past the extract date and are not written. */
	long extractEndSecond() {
		return (extractDay + 1) * SECONDS_PER_DAY;
	}

	long observedOnDay() {
		return observedOnDay;
	}

	long outcomeWindowEndDay() {
		return outcomeWindowEndDay;
	}

	/** A 12-month outcome window needs 12 months of history before it can be labelled. */
	boolean hasOutcomes() {
		return hasOutcomes;
	}

	static long at(long epochDay, long secondOfDay) {
		return epochDay * SECONDS_PER_DAY + secondOfDay;
	}

	static long day(long epochSecond) {
		return Math.floorDiv(epochSecond, SECONDS_PER_DAY);
	}
}
