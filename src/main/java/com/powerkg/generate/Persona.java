package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.contract.ContractCodes.PaymentChannel;
import java.util.SplittableRandom;

/**
 * Latent traits of one customer. They are never written; every written row is a consequence of them,
 * which is what makes the portrait tags, segments and credit model of the product recover something real.
 *
 * @param risk                  0..1, most customers low with a high tail; drives late payment, arrears and
 *                              weak financials, and (with much else, {@link CreditBehaviour}) the credit outcome
 * @param settleHabit           which part of the issue month the customer normally pays in
 * @param channels              where the customer pays
 * @param dunningResponsive     pays within 48 h of a dunning contact that reached them
 * @param statedPreference      what the customer will say on a reached contact ({@code NONE}: nothing)
 * @param priceSensitivity      0..1, raises tariff and billing work orders
 * @param qualitySensitivity    0..1, raises power-quality work orders
 * @param outageSensitivity     0..1, raises outage work orders
 * @param smallFrequentTopUps   prepaid only: tops up 3-6 times a month with 15-40 % of a monthly bill
 * @param annualGrowth          consumption trend per year, -0.20..+0.35
 * @param peakShare             share of kWh in peak hours
 * @param flatShare             share of kWh in flat hours; valley is the rest
 */
record Persona(
		double risk,
		SettleHabit settleHabit,
		ChannelHabit channels,
		boolean dunningResponsive,
		DunningResponse statedPreference,
		double priceSensitivity,
		double qualitySensitivity,
		double outageSensitivity,
		boolean smallFrequentTopUps,
		double annualGrowth,
		double peakShare,
		double flatShare) {

	/** Settle-day windows of seed 004's habit tags, as days of the issue month. */
	enum SettleHabit {
		EARLY(1, 10), MID(11, 20), LATE(21, 31), NONE(1, 31);

		private final int firstDay;
		private final int lastDay;

		SettleHabit(int firstDay, int lastDay) {
			this.firstDay = firstDay;
			this.lastDay = lastDay;
		}

		int firstDay() {
			return firstDay;
		}

		int lastDay() {
			return lastDay;
		}
	}

	/**
	 * Loyal customers pay through their main channel 90 % of the time and a second one otherwise;
	 * scattered ones ({@code scattered != null}) spread evenly over three or more channels.
	 */
	record ChannelHabit(PaymentChannel main, PaymentChannel secondary, PaymentChannel[] scattered) {

		PaymentChannel pick(SplittableRandom rng) {
			if (scattered != null) {
				return scattered[rng.nextInt(scattered.length)];
			}
			return rng.nextDouble() < 0.9 ? main : secondary;
		}
	}

	/** Probability that a postpaid bill is paid after its due date. */
	double lateProbability() {
		double p = 0.015 + 0.6 * StrictMath.pow(risk, 1.3);
		return switch (settleHabit) {
			case NONE -> p + 0.08;
			case LATE -> p + 0.03;
			default -> p;
		};
	}
}
