package com.powerkg.credit;

import java.util.Locale;

/**
 * The credit indicators (SPEC §5, seed 001, issue K), each computed point-in-time as of a date T from what was known
 * on T ({@link CreditIndicators}; definitions in docs/credit-rating.md). Values are raw; the scorecard bins them
 * ({@link Binning}) and the models work on the bins' weight of evidence. A missing value (NaN) is never a silent 0: it
 * has a bin of its own, and {@link #missingBlock()} names the block of data the customer lacks.
 *
 * @param group         seed 001 Table 1's risk-factor group, for what-if questions
 * @param riskDirection +1 when a higher value means more risk to a credit analyst, -1 when less, 0 when the data
 *                      decide; the bins are made monotone in this direction, so no indicator can count against its
 *                      plain meaning
 */
public enum CreditIndicator {

	PAID_SHARE_3(RiskGroup.MARKET, -1, 0, 1, MissingBlock.NO_DUE_BILLS, "share of the billed amount paid by the due date, last 3 bills: %s"),
	PAID_SHARE_6(RiskGroup.MARKET, -1, 0, 1, MissingBlock.NO_DUE_BILLS, "share of the billed amount paid by the due date, last 6 bills: %s"),
	PAID_SHARE_12(RiskGroup.MARKET, -1, 0, 1, MissingBlock.NO_DUE_BILLS, "share of the billed amount paid by the due date, last 12 bills: %s"),
	OUTSTANDING_TO_AVERAGE_BILL(RiskGroup.MARKET, 1, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_DUE_BILLS,
			"amount outstanding on the rating date: %s times the average bill"),
	DELINQUENT_MONTHS(RiskGroup.MARKET, 1, 0, 12, MissingBlock.NO_DUE_BILLS, "%s of the last 12 bills not paid in full by the due date"),
	LONGEST_DELINQUENT_RUN(RiskGroup.MARKET, 1, 0, 12, MissingBlock.NO_DUE_BILLS, "%s consecutive bills not paid in full by the due date"),
	WORST_DAYS_PAST_DUE(RiskGroup.MARKET, 1, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_DUE_BILLS,
			"a bill paid in full %s days after its due date, or still open"),
	DAYS_BEYOND_TERMS(RiskGroup.MARKET, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, MissingBlock.NO_PAYMENTS,
			"payments made %s days after the due date on average (amount-weighted; negative = before)"),
	MISSED_BILLS(RiskGroup.MARKET, 1, 0, 12, MissingBlock.NO_DUE_BILLS, "nothing paid by the due date on %s of the last 12 bills"),
	MONTHS_SINCE_DELINQUENCY(RiskGroup.MARKET, -1, 0, 12, MissingBlock.NO_DUE_BILLS, "%s bills since the last one not paid in full by its due date"),
	PAID_SHARE_TREND(RiskGroup.MARKET, -1, -1, 1, MissingBlock.FEW_DUE_BILLS,
			"share paid by the due date, last 3 bills against the 3 before: %s"),
	BILLED_TREND(RiskGroup.MARKET, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, MissingBlock.FEW_DUE_BILLS,
			"billed amount, last 3 bills against the 3 before: %s (log ratio)"),
	PAYMENTS_PER_BILL(RiskGroup.MARKET, 0, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_DUE_BILLS, "%s payments per bill"),
	UNANSWERED_DUNNING(RiskGroup.MARKET, 1, 0, Double.POSITIVE_INFINITY, null,
			"%s reached dunning contacts in 12 months not followed by a payment within 48 h"),
	QUALITY_COMPLAINTS(RiskGroup.MARKET, 0, 0, Double.POSITIVE_INFINITY, null,
			"%s complaints about power quality, outages or billing in 12 months"),
	LOW_BALANCE_EPISODES(RiskGroup.MARKET, 1, 0, 12, MissingBlock.NOT_PREPAID,
			"prepaid balance at or near its lowest after %s of the last 12 bills"),
	TOP_UP_COVER(RiskGroup.MARKET, -1, 0, Double.POSITIVE_INFINITY, MissingBlock.NOT_PREPAID,
			"top-ups covered %s times the last 12 bills"),
	ANNUAL_KWH(RiskGroup.PRODUCTION, 0, 0, Double.POSITIVE_INFINITY, null, "consumption of %s kWh in the last 12 months"),
	GROWTH_12M(RiskGroup.PRODUCTION, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, MissingBlock.SHORT_HISTORY,
			"consumption change on the year before: %s (log ratio)"),
	ASSET_LIABILITY_RATIO(RiskGroup.MANAGEMENT, 1, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_FINANCIALS, "asset-liability ratio %s"),
	CURRENT_RATIO(RiskGroup.MANAGEMENT, -1, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_FINANCIALS, "current ratio %s"),
	RETURN_ON_NET_ASSETS(RiskGroup.MANAGEMENT, -1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, MissingBlock.NO_FINANCIALS,
			"return on net assets %s"),
	LOAN_ON_TIME_RATE(RiskGroup.MANAGEMENT, -1, 0, 1, MissingBlock.NO_FINANCIALS, "loans repaid on schedule: %s"),
	SOCIAL_CREDIT(RiskGroup.MANAGEMENT, 1, 0, 3, MissingBlock.NO_SOCIAL_CREDIT, "social credit rating %s (A = 0 … D = 3)"),
	REACTIVE_COMPENSATION(RiskGroup.TECHNICAL, -1, 0, 1, MissingBlock.NO_EQUIPMENT_DATA, "reactive-power compensation installed: %s"),
	CALIBRATION_ON_SCHEDULE(RiskGroup.TECHNICAL, -1, 0, 1, MissingBlock.NO_EQUIPMENT_DATA, "equipment calibrated on schedule: %s"),
	EQUIPMENT_ACCIDENTS(RiskGroup.TECHNICAL, 1, 0, Double.POSITIVE_INFINITY, MissingBlock.NO_EQUIPMENT_DATA,
			"%s equipment accidents affecting the grid in 3 years");

	/** Seed 001 Table 1's risk factors. */
	public enum RiskGroup {

		PRODUCTION, MANAGEMENT, TECHNICAL, MARKET

	}

	/** Why an indicator can be missing: one block of data a customer lacks, named once in a reason. */
	public enum MissingBlock {

		NO_DUE_BILLS("no postpaid bill fell due by the rating date (prepaid or new customer)"),
		FEW_DUE_BILLS("fewer than 6 postpaid bills fell due, too few for a trend"),
		NO_PAYMENTS("nothing was ever paid towards the last 12 bills that fell due"),
		NOT_PREPAID("not a prepaid customer: no prepaid balance to judge"),
		SHORT_HISTORY("less than two years of consumption history"),
		NO_FINANCIALS("no financial statements on file"),
		NO_SOCIAL_CREDIT("no social credit rating on file"),
		NO_EQUIPMENT_DATA("no equipment operation data on file");

		private final String text;

		MissingBlock(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

	private final RiskGroup group;

	private final int riskDirection;

	private final double min;

	private final double max;

	private final MissingBlock missingBlock;

	private final String reason;

	CreditIndicator(RiskGroup group, int riskDirection, double min, double max, MissingBlock missingBlock, String reason) {
		this.group = group;
		this.riskDirection = riskDirection;
		this.min = min;
		this.max = max;
		this.missingBlock = missingBlock;
		this.reason = reason;
	}

	public RiskGroup group() {
		return this.group;
	}

	/**
	 * +1 when more of it means more risk in a credit analyst's eyes (months delinquent), -1 when less (share paid),
	 * 0 when either can be (consumption): the monotone direction its bins are made to follow.
	 */
	public int riskDirection() {
		return this.riskDirection;
	}

	/** The data block whose absence makes this indicator missing; null when it is never missing. */
	public MissingBlock missingBlock() {
		return this.missingBlock;
	}

	/** The values the indicator can take: what-if changes are clamped to them. */
	public double min() {
		return this.min;
	}

	public double max() {
		return this.max;
	}

	/** How a customer manager reads the value. */
	public String reason(double value) {
		String shown = (value == Math.rint(value) && Math.abs(value) < 1e12) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.2f", value);
		return String.format(Locale.ROOT, this.reason, shown);
	}

}
