package com.powerkg.segmentation;

import com.powerkg.segmentation.ValueFeatures.UsageFact;

/**
 * Why a customer is not clustered into a growth level: its growth cannot be measured. A customer that stopped
 * consuming, or whose consumption began less than the growth window ago, has a "growth" of −100 % or from nothing;
 * clustered, such a customer sat 15–17 standard deviations out and took a K-Means cluster of its own. It gets the
 * level {@link Level#STOPPED} or {@link Level#INSUFFICIENT_HISTORY} instead, with the reason. The rules, in this
 * order (months counted back from the last complete month, at most {@link ValueFeatures#LOOK_BACK_MONTHS}):
 * <ol>
 * <li>no month with kWh above 0: {@link Reason#NO_CONSUMPTION_DATA} when there is no consumption row at all, else
 * {@link Reason#NO_CONSUMPTION};</li>
 * <li>the last {@code stoppedMonths} months (default 3) without consumption (0 kWh or no row):
 * {@link Reason#STOPPED_CONSUMING};</li>
 * <li>the first month with consumption is fewer months ago than the growth window (24 months for the 12-month growth,
 * 15 for the 3-month growth): {@link Reason#STARTED_LATE};</li>
 * <li>a month the growth compares has no row: {@link Reason#MISSING_MONTHS}.</li>
 * </ol>
 */
public record Exclusion(Level level, Reason reason) {

	/** The exclusion levels of {@link Dimension#GROWTH_POTENTIAL}, after its four named levels. */
	public enum Level {

		STOPPED, INSUFFICIENT_HISTORY

	}

	public enum Reason {

		NO_CONSUMPTION_DATA(Level.INSUFFICIENT_HISTORY, "no consumption recorded in the last 36 months"),
		NO_CONSUMPTION(Level.STOPPED, "0 kWh in every recorded month of the last 36"),
		STOPPED_CONSUMING(Level.STOPPED, "no consumption in the last months (0 kWh or no row)"),
		STARTED_LATE(Level.INSUFFICIENT_HISTORY, "consumption began less than the growth window ago"),
		MISSING_MONTHS(Level.INSUFFICIENT_HISTORY, "a month the growth compares has no consumption row");

		private final Level level;

		private final String description;

		Reason(Level level, String description) {
			this.level = level;
			this.description = description;
		}

		public Level level() {
			return this.level;
		}

		public String description() {
			return this.description;
		}

	}

	/** Months of history a growth feature compares: the window and the same window a year earlier. */
	public static int windowMonths(Feature growth) {
		return switch (growth) {
			case GROWTH_12M -> 24;
			case GROWTH_3M -> 15;
			default -> throw new IllegalArgumentException(growth + " is not a growth rate");
		};
	}

	/**
	 * Whether the customer's growth can be measured by {@code growth}; null when it can (the customer is clustered).
	 * @param row {@link ValueFeatures#compute}'s answer for the customer
	 */
	public static Exclusion of(double[] row, Feature growth, int stoppedMonths) {
		double recorded = row[ValueFeatures.column(UsageFact.RECORDED_MONTHS)];
		double firstUse = row[ValueFeatures.column(UsageFact.FIRST_USE_MONTHS_AGO)];
		double idle = row[ValueFeatures.column(UsageFact.IDLE_MONTHS)];
		if (firstUse == 0) {
			return of(recorded == 0 ? Reason.NO_CONSUMPTION_DATA : Reason.NO_CONSUMPTION);
		}
		if (idle >= stoppedMonths) {
			return of(Reason.STOPPED_CONSUMING);
		}
		if (firstUse < windowMonths(growth)) {
			return of(Reason.STARTED_LATE);
		}
		if (Double.isNaN(row[growth.ordinal()])) {
			return of(Reason.MISSING_MONTHS);
		}
		return null;
	}

	private static Exclusion of(Reason reason) {
		return new Exclusion(reason.level(), reason);
	}

	/**
	 * The growth that defines the growth levels of a run: the 12-month growth when at least half of the customers still
	 * consuming have it (24 months of history), else the 3-month growth, so that a run on a shorter history still ranks
	 * by a growth everyone has rather than excluding everybody.
	 */
	public static Feature definingGrowthFeature(FeatureMatrix matrix, int stoppedMonths) {
		long consuming = 0;
		long with12 = 0;
		for (int i = 0; i < matrix.size(); i++) {
			if (matrix.fact(i, UsageFact.FIRST_USE_MONTHS_AGO) > 0 && matrix.fact(i, UsageFact.IDLE_MONTHS) < stoppedMonths) {
				consuming++;
				with12 += Double.isNaN(matrix.raw(i, Feature.GROWTH_12M)) ? 0 : 1;
			}
		}
		return (consuming == 0 || 2 * with12 >= consuming) ? Feature.GROWTH_12M : Feature.GROWTH_3M;
	}

}
