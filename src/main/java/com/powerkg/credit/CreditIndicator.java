package com.powerkg.credit;

/**
 * The credit indicators of SPEC §5 (seed 001), as of a date T over the 12 months before it. Values are raw
 * ({@link CreditIndicators}); the model transforms, imputes and standardises them ({@link CreditModel}).
 * Indicators that can be missing come with a missing-flag in the model, named by {@link #missingFlag()}.
 *
 * @param group    seed 001 Table 1's risk-factor group, for what-if questions
 * @param riskDirection see {@link #riskDirection()}
 * @param reason   how a customer manager reads a high value, with {@code %s} for the value
 */
public enum CreditIndicator {

	ON_TIME_RATIO(RiskGroup.MARKET, -1, false, "NO_DUE_BILLS", "share of bills paid on time: %s"),
	OVERDUE_BILLS(RiskGroup.MARKET, 1, true, null, "%s overdue bills in the last 12 months"),
	OVERDUE_AMOUNT_RATIO(RiskGroup.MARKET, 1, false, "NO_DUE_BILLS", "share of the billed amount paid late or not at all: %s"),
	ARREARS_BALANCE(RiskGroup.MARKET, 1, true, null, "arrears of %s yuan open on the rating date"),
	MEAN_DAYS_LATE(RiskGroup.MARKET, 1, true, "NO_DUE_BILLS", "bills paid %s days after the due date on average"),
	UNANSWERED_DUNNING(RiskGroup.MARKET, 1, true, null, "%s reached dunning contacts not followed by a payment within 48 h"),
	QUALITY_COMPLAINTS(RiskGroup.MARKET, 1, true, null, "%s complaints about power quality, outages or billing"),
	ANNUAL_KWH(RiskGroup.PRODUCTION, 0, true, null, "consumption of %s kWh in the last 12 months"),
	GROWTH_12M(RiskGroup.PRODUCTION, 0, false, "SHORT_HISTORY", "consumption change on the year before: %s (log ratio)"),
	ASSET_LIABILITY_RATIO(RiskGroup.MANAGEMENT, 1, false, "NO_FINANCIALS", "asset-liability ratio %s"),
	CURRENT_RATIO(RiskGroup.MANAGEMENT, -1, false, "NO_FINANCIALS", "current ratio %s"),
	RETURN_ON_NET_ASSETS(RiskGroup.MANAGEMENT, -1, false, "NO_FINANCIALS", "return on net assets %s"),
	LOAN_ON_TIME_RATE(RiskGroup.MANAGEMENT, -1, false, "NO_FINANCIALS", "loans repaid on schedule: %s"),
	SOCIAL_CREDIT(RiskGroup.MANAGEMENT, 1, false, "NO_SOCIAL_CREDIT", "social credit rating %s (A = 0 … D = 3)"),
	REACTIVE_COMPENSATION(RiskGroup.TECHNICAL, -1, false, "NO_EQUIPMENT_DATA", "reactive-power compensation installed: %s"),
	CALIBRATION_ON_SCHEDULE(RiskGroup.TECHNICAL, -1, false, "NO_EQUIPMENT_DATA", "equipment calibrated on schedule: %s"),
	EQUIPMENT_ACCIDENTS(RiskGroup.TECHNICAL, 1, true, "NO_EQUIPMENT_DATA", "%s equipment accidents affecting the grid in 3 years");

	/** Seed 001 Table 1's risk factors. */
	public enum RiskGroup {

		PRODUCTION, MANAGEMENT, TECHNICAL, MARKET

	}

	private final RiskGroup group;

	private final int riskDirection;

	private final boolean logTransform;

	private final String missingFlag;

	private final String reason;

	CreditIndicator(RiskGroup group, int riskDirection, boolean logTransform, String missingFlag, String reason) {
		this.group = group;
		this.riskDirection = riskDirection;
		this.logTransform = logTransform;
		this.missingFlag = missingFlag;
		this.reason = reason;
	}

	public RiskGroup group() {
		return this.group;
	}

	/**
	 * +1 when more of it means more risk in a customer manager's eyes (overdue bills), -1 when less (on-time
	 * ratio), 0 when either can be (consumption). Reasons skip an indicator whose weight in the model points the
	 * other way: it only corrects for correlated indicators, and "0 overdue share raises risk" helps nobody.
	 */
	public int riskDirection() {
		return this.riskDirection;
	}

	/** Counts, money and kWh are heavy-tailed: log1p before standardising. */
	public boolean logTransform() {
		return this.logTransform;
	}

	/** The flag that is 1 when this indicator is missing; null when it is never missing. */
	public String missingFlag() {
		return this.missingFlag;
	}

	/** The values the indicator can take: what-if changes are clamped to them. */
	public double min() {
		return this == GROWTH_12M ? Double.NEGATIVE_INFINITY : 0;
	}

	public double max() {
		return switch (this) {
			case ON_TIME_RATIO, OVERDUE_AMOUNT_RATIO, LOAN_ON_TIME_RATE, REACTIVE_COMPENSATION, CALIBRATION_ON_SCHEDULE -> 1;
			case SOCIAL_CREDIT -> 3;
			default -> Double.POSITIVE_INFINITY;
		};
	}

	public String reason(double value) {
		String shown = (value == Math.rint(value) && Math.abs(value) < 1e12) ? String.valueOf((long) value)
				: String.format(java.util.Locale.ROOT, "%.2f", value);
		return String.format(java.util.Locale.ROOT, this.reason, shown);
	}

}
