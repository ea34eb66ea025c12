package com.powerkg.segmentation;

import java.util.Locale;

/**
 * The 16 value features of SPEC §4, four per dimension, documented in {@code docs/value-segmentation.md}. Raw
 * values are computed by {@link ValueFeatures}; before clustering ({@link FeaturePreparation}) missing values are
 * imputed, each feature is winsorised at its percentiles and transformed, then standardised and weighted.
 *
 * <p>Why robust: real consumption is mostly flat and heavy-tailed. Standardised without capping, one customer growing
 * from a near-zero base sat 15–17 standard deviations out and took a K-Means cluster of its own while everyone else
 * was squeezed into one. Winsorising at the given percentiles puts such a customer at the cap, next to the others
 * beyond it, and flags it ({@code capped} on its membership).
 *
 * @param lowerPercentile values below this percentile of the clustered customers are raised to it (0 = no cap)
 * @param upperPercentile values above this percentile are lowered to it (100 = no cap)
 * @param clusterWeight   multiplies the standardised feature before K-Means: 1 = a full clustering input, 0 = not an
 *                        input (described only); in between shapes clusters without being able to make one alone
 * @param rankingWeight   weight of the feature's standardised centroid coordinate in the score that orders a
 *                        dimension's clusters into levels; 0 = not used for naming
 */
public enum Feature {

	// revenue contribution: what the customer brings in, and what serving it costs; revenue defines the levels, the
	// others shape clusters at lower weights (the regional share repeats revenue; peak share and contacts are secondary)
	ANNUAL_REVENUE(Dimension.REVENUE_CONTRIBUTION, "yuan", Transform.LOG1P, 1, 99, Missing.NEVER, 1, 1),
	// per mille of a grid cell whose size varies from cell to cell: the scale means little, the rank does
	REGION_REVENUE_SHARE(Dimension.REVENUE_CONTRIBUTION, "‰", Transform.QUANTILE, 0, 100, Missing.NEVER, 0.5, 0),
	PEAK_SHARE(Dimension.REVENUE_CONTRIBUTION, "ratio", Transform.NONE, 1, 99, Missing.MEDIAN, 0.25, 0),
	SERVICE_CONTACTS(Dimension.REVENUE_CONTRIBUTION, "contacts/year", Transform.LOG1P, 0, 99, Missing.NEVER, 0.25, 0),

	// social influence: how much it matters to the grid and to society; grade and voltage take few values, so they are
	// not capped
	IMPORTANCE_GRADE(Dimension.SOCIAL_INFLUENCE, "grade 0-4", Transform.NONE, 0, 100, Missing.NEVER, 1, 1),
	VOLTAGE_LEVEL(Dimension.SOCIAL_INFLUENCE, "kV", Transform.LOG1P, 0, 100, Missing.MEDIAN_OF_USAGE_CATEGORY, 1, 1),
	CONTRACT_CAPACITY(Dimension.SOCIAL_INFLUENCE, "kVA", Transform.LOG1P, 0.5, 99.5, Missing.MEDIAN_OF_USAGE_CATEGORY, 1, 1),
	// shapes the clusters but not their order: small customers of critical sectors (clinics, schools, water works) form
	// the middle level, and a rare 0/1 flag standardises to large values that, in the ranking, would put them above the
	// 110 kV steel plants
	CRITICAL_INDUSTRY(Dimension.SOCIAL_INFLUENCE, "0/1", Transform.NONE, 0, 100, Missing.NEVER, 1, 0),

	// growth potential: where consumption is heading. The 12-month growth alone clusters and names the levels, so that
	// each level is a contiguous range of measured growth; the 3-month growth takes its place on a run without 24-month
	// histories. Trend and volatility describe the levels (the seed's "变动大", "波动较小") but define none: on real
	// data the most volatile customers formed a cluster of their own that was then named as a growth level.
	GROWTH_3M(Dimension.GROWTH_POTENTIAL, "log ratio", Transform.NONE, 5, 95, Missing.MEDIAN, 0, 0),
	GROWTH_12M(Dimension.GROWTH_POTENTIAL, "log ratio", Transform.NONE, 5, 95, Missing.MEDIAN, 1, 1),
	TREND_36M(Dimension.GROWTH_POTENTIAL, "log kWh/year", Transform.NONE, 5, 95, Missing.MEDIAN, 0, 0),
	VOLATILITY(Dimension.GROWTH_POTENTIAL, "coefficient of variation", Transform.NONE, 5, 95, Missing.MEDIAN, 0, 0),

	// arrears risk: how the customer pays; most customers are never late, so only the upper tail is capped
	OVERDUE_BILLS(Dimension.ARREARS_RISK, "bills", Transform.LOG1P, 0, 99, Missing.NEVER, 1, 1),
	OVERDUE_AMOUNT_RATIO(Dimension.ARREARS_RISK, "ratio", Transform.NONE, 0, 100, Missing.NEVER, 1, 1),
	MEAN_DAYS_LATE(Dimension.ARREARS_RISK, "days", Transform.LOG1P, 0, 99, Missing.NEVER, 1, 1),
	UNANSWERED_DUNNING(Dimension.ARREARS_RISK, "contacts", Transform.LOG1P, 0, 99, Missing.NEVER, 1, 1);

	/** How a (winsorised) raw value is transformed before standardising. */
	public enum Transform {

		/** the value as it is (ratios, grades, flags, log ratios) */
		NONE,
		/** ln(1 + x), negatives as 0: sizes, money, counts, days */
		LOG1P,
		/** the customer's mid-rank among the clustered customers, divided by their number (0..1): where the scale means nothing */
		QUANTILE;

		/** The value transformed; {@link #QUANTILE} needs every value and is done by {@link FeaturePreparation}. */
		double apply(double x) {
			return switch (this) {
				case NONE -> x;
				case LOG1P -> Math.log1p(Math.max(0, x));
				case QUANTILE -> throw new IllegalStateException("a quantile needs the whole column");
			};
		}

		/** Back to original units (for axis labels); the identity for {@link #QUANTILE}, which has no inverse here. */
		double invert(double t) {
			return (this == LOG1P) ? Math.expm1(t) : t;
		}

	}

	/** What a missing raw value (NaN) becomes. NEVER: the definition always gives a value. */
	public enum Missing {

		NEVER, MEDIAN, MEDIAN_OF_USAGE_CATEGORY

	}

	private final Dimension dimension;

	private final String unit;

	private final Transform transform;

	private final double lowerPercentile;

	private final double upperPercentile;

	private final Missing missing;

	private final double clusterWeight;

	private final double rankingWeight;

	Feature(Dimension dimension, String unit, Transform transform, double lowerPercentile, double upperPercentile,
			Missing missing, double clusterWeight, double rankingWeight) {
		this.dimension = dimension;
		this.unit = unit;
		this.transform = transform;
		this.lowerPercentile = lowerPercentile;
		this.upperPercentile = upperPercentile;
		this.missing = missing;
		this.clusterWeight = clusterWeight;
		this.rankingWeight = rankingWeight;
	}

	public Dimension dimension() {
		return this.dimension;
	}

	public String unit() {
		return this.unit;
	}

	public Transform transform() {
		return this.transform;
	}

	public double lowerPercentile() {
		return this.lowerPercentile;
	}

	public double upperPercentile() {
		return this.upperPercentile;
	}

	public Missing missing() {
		return this.missing;
	}

	public double clusterWeight() {
		return this.clusterWeight;
	}

	public double rankingWeight() {
		return this.rankingWeight;
	}

	/** A log ratio of this period's kWh to last year's: shown as a percentage change, e^x − 1. */
	public boolean logRatio() {
		return this == GROWTH_3M || this == GROWTH_12M;
	}

	/** A raw value as a person reads it: a log ratio as a change in per cent (+5 %), other values rounded. */
	public String format(double original) {
		if (Double.isNaN(original)) {
			return "-";
		}
		if (logRatio()) {
			return String.format(Locale.ROOT, "%+.0f %%", 100 * Math.expm1(original));
		}
		double a = Math.abs(original);
		if (a >= 1e6) {
			return String.format(Locale.ROOT, "%.1fM", original / 1e6);
		}
		if (a >= 1e4) {
			return String.format(Locale.ROOT, "%.0fk", original / 1e3);
		}
		return (a >= 100 || original == Math.rint(original)) ? String.format(Locale.ROOT, "%.0f", original)
				: String.format(Locale.ROOT, "%.2f", original);
	}

	/** Feature name as stored and shown: {@code ANNUAL_REVENUE}. */
	public String code() {
		return name();
	}

}
