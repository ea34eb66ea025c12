package com.powerkg.segmentation;

/**
 * The 16 value features of SPEC §4, four per dimension, documented in {@code docs/value-segmentation.md}. Raw
 * values are computed by {@link ValueFeatures}; before clustering, missing values are imputed, heavy tails are
 * log-transformed and every feature is standardised ({@link FeatureMatrix}).
 *
 * @param rankingWeight weight of the feature's standardised centroid coordinate in the score that orders a
 *                      dimension's clusters into levels; 0 = not used for naming
 */
public enum Feature {

	// revenue contribution: what the customer brings in, and what serving it costs
	ANNUAL_REVENUE(Dimension.REVENUE_CONTRIBUTION, "yuan", Transform.LOG1P, Missing.NEVER, 1),
	REGION_REVENUE_SHARE(Dimension.REVENUE_CONTRIBUTION, "‰", Transform.LOG1P, Missing.NEVER, 0),
	PEAK_SHARE(Dimension.REVENUE_CONTRIBUTION, "ratio", Transform.NONE, Missing.MEDIAN, 0),
	SERVICE_CONTACTS(Dimension.REVENUE_CONTRIBUTION, "contacts/year", Transform.LOG1P, Missing.NEVER, 0),

	// social influence: how much it matters to the grid and to society
	IMPORTANCE_GRADE(Dimension.SOCIAL_INFLUENCE, "grade 0-4", Transform.NONE, Missing.NEVER, 1),
	VOLTAGE_LEVEL(Dimension.SOCIAL_INFLUENCE, "kV", Transform.LOG1P, Missing.MEDIAN_OF_USAGE_CATEGORY, 1),
	CONTRACT_CAPACITY(Dimension.SOCIAL_INFLUENCE, "kVA", Transform.LOG1P, Missing.MEDIAN_OF_USAGE_CATEGORY, 1),
	// shapes the clusters but not their order: a rare 0/1 flag standardises to large values and would outrank
	// voltage and capacity on its own
	CRITICAL_INDUSTRY(Dimension.SOCIAL_INFLUENCE, "0/1", Transform.NONE, Missing.NEVER, 0),

	// growth potential: where consumption is heading; the 12-month growth ranks the clusters, the short and long
	// views break ties (and rank alone when there is no 24-month history, so GROWTH_12M is imputed for everyone)
	GROWTH_3M(Dimension.GROWTH_POTENTIAL, "log ratio", Transform.NONE, Missing.MEDIAN, 0.25),
	GROWTH_12M(Dimension.GROWTH_POTENTIAL, "log ratio", Transform.NONE, Missing.MEDIAN, 1),
	TREND_36M(Dimension.GROWTH_POTENTIAL, "log kWh/year", Transform.NONE, Missing.MEDIAN, 0.25),
	VOLATILITY(Dimension.GROWTH_POTENTIAL, "coefficient of variation", Transform.NONE, Missing.MEDIAN, 0),

	// arrears risk: how the customer pays
	OVERDUE_BILLS(Dimension.ARREARS_RISK, "bills", Transform.LOG1P, Missing.NEVER, 1),
	OVERDUE_AMOUNT_RATIO(Dimension.ARREARS_RISK, "ratio", Transform.NONE, Missing.NEVER, 1),
	MEAN_DAYS_LATE(Dimension.ARREARS_RISK, "days", Transform.LOG1P, Missing.NEVER, 1),
	UNANSWERED_DUNNING(Dimension.ARREARS_RISK, "contacts", Transform.LOG1P, Missing.NEVER, 1);

	/** How a raw value is transformed before standardising. */
	public enum Transform {

		NONE, LOG1P;

		double apply(double x) {
			return (this == LOG1P) ? Math.log1p(Math.max(0, x)) : x;
		}

	}

	/** What a missing raw value (NaN) becomes. NEVER: the definition always gives a value. */
	public enum Missing {

		NEVER, MEDIAN, MEDIAN_OF_USAGE_CATEGORY

	}

	private final Dimension dimension;

	private final String unit;

	private final Transform transform;

	private final Missing missing;

	private final double rankingWeight;

	Feature(Dimension dimension, String unit, Transform transform, Missing missing, double rankingWeight) {
		this.dimension = dimension;
		this.unit = unit;
		this.transform = transform;
		this.missing = missing;
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

	public Missing missing() {
		return this.missing;
	}

	public double rankingWeight() {
		return this.rankingWeight;
	}

	/** Feature name as stored and shown: {@code ANNUAL_REVENUE}. */
	public String code() {
		return name();
	}

}
