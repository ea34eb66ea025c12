package com.powerkg.generate;

import java.util.SplittableRandom;

import com.powerkg.generate.Customer.Equipment;
import com.powerkg.generate.Customer.Financials;

/**
 * How a customer pays bills and whether they seriously default in the outcome window, drawn from the customer's
 * payment stream. Defaults do not come from the product's credit indicators: they come from the latent risk (through a
 * square, not a line), from a payment style that only partly shows in any one indicator, from a hidden shock (a lost job,
 * a failed business) that nothing before the observation date shows, from the balance sheet and grid accidents of
 * enterprises, and from noise. So the sample does not grade its own homework, and no model can rank it perfectly.
 *
 * @param style    how the customer pays
 * @param share    for {@link Style#PARTIAL}: the part of each bill paid by its due date, about
 * @param shock    a financial shock in the outcome window, invisible before it
 * @param defaults serious default (more than 90 days of arrears, or a prepaid cut-off) in the 12 months after the
 *                 credit observation date
 */
record CreditBehaviour(Style style, double share, boolean shock, boolean defaults) {

	enum Style {

		/** pays each bill in full, on time or late by the customer's habits */
		IN_FULL,
		/** pays part of every bill by its due date and the rest later, if at all: revolving arrears */
		PARTIAL,
		/** pays in full, except that bills well above the customer's average (winter, summer) come late or in parts */
		SEASONAL,
		/** forgets now and then, late by a few days whatever the risk: noise in the payment record */
		ERRATIC

	}

	/** A bill this much above the customer's average is a seasonal peak. */
	static final double PEAK = 1.25;

	static CreditBehaviour draw(Customer customer, SplittableRandom rng) {
		double risk = customer.persona().risk();
		double u = rng.nextDouble();
		double partial = 0.05 + 0.35 * risk;
		Style style = u < partial ? Style.PARTIAL : u < partial + 0.08 ? Style.SEASONAL : u < partial + 0.14 ? Style.ERRATIC : Style.IN_FULL;
		double share = Randoms.clamp(0.85 - 0.35 * risk + 0.12 * Randoms.normal(rng), 0.35, 0.95);
		boolean shock = Randoms.chance(rng, 0.02 + 0.06 * risk);
		double noise = Randoms.normal(rng);
		boolean defaults = Randoms.chance(rng, defaultProbability(risk, style, share, shock, customer.financials(), customer.equipment(), noise));
		return new CreditBehaviour(style, share, shock, defaults);
	}

	/**
	 * Logistic: −4.1 + 6·risk² + 0.9·noise, plus 0.5 + 2·(0.9 − share) for revolving arrears, 0.3 for seasonal
	 * trouble, 3 for a shock, 0.6 × the weakness of a balance sheet and 0.3 for grid accidents. About 10 % default.
	 */
	static double defaultProbability(double risk, Style style, double share, boolean shock, Financials financials, Equipment equipment,
			double noise) {
		double z = -4.1 + 6.0 * risk * risk + 0.9 * noise;
		if (style == Style.PARTIAL) {
			z += 0.5 + 2.0 * (0.9 - share);
		}
		else if (style == Style.SEASONAL) {
			z += 0.3;
		}
		if (shock) {
			z += 3.0;
		}
		if (financials != null) {
			double weakness = ((financials.assetLiabilityRatio() - 0.55) / 0.2
					+ (1.5 - financials.currentRatio()) / 0.6
					+ (0.05 - financials.returnOnNetAssets()) / 0.08
					+ (0.9 - financials.loanOnTimeRate()) / 0.1) / 4.0;
			z += 0.6 * weakness;
		}
		if (equipment != null && equipment.accidentsLast3Years() > 0) {
			z += 0.3;
		}
		return 1.0 / (1.0 + StrictMath.exp(-z));
	}

}
