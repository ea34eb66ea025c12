package com.powerkg.generate;

import com.powerkg.generate.Codes.Anomaly;
import java.util.SplittableRandom;

/** Monthly consumption (consumption.csv) and the bill it produces (bills.csv). */
final class UsageModel {

	// Bill anomaly rates per bill (seed 004's 电费发行异常); cumulative thresholds below.
	static final double OWNERSHIP_TRANSFER_RATE = 0.003;
	static final double SMALL_AMOUNT_RATE = 0.010;
	static final double REFUND_ADJUSTMENT_RATE = 0.007;

	/** Hours in an average month: monthly kWh = kVA x load factor x hours. */
	private static final double HOURS_PER_MONTH = 730.0;

	// 峰平谷 price multipliers on the category tariff; shares near 35/40/25 average out to ~1.0.
	private static final double PEAK_PRICE = 1.5;
	private static final double FLAT_PRICE = 1.0;
	private static final double VALLEY_PRICE = 0.5;

	private final PeriodCalendar calendar;

	UsageModel(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	void simulate(Customer customer, CustomerHistory history, SplittableRandom rng) {
		Persona persona = customer.persona();
		UsageCategory category = customer.category();
		double base = baseMonthlyKwh(customer, rng);
		double noise = category == UsageCategory.RESIDENTIAL ? 0.12 : 0.07;
		// Compounded monthly so the trend needs one pow per customer, not one per month.
		double monthlyGrowth = StrictMath.pow(1.0 + persona.annualGrowth(), 1.0 / 12.0);
		double trend = 1.0;
		boolean integerReadings = category == UsageCategory.RESIDENTIAL || category == UsageCategory.AGRICULTURAL;

		for (int k = 0; k < calendar.months(); k++) {
			double u = rng.nextDouble();
			Anomaly anomaly = u < OWNERSHIP_TRANSFER_RATE ? Anomaly.OWNERSHIP_TRANSFER
					: u < OWNERSHIP_TRANSFER_RATE + SMALL_AMOUNT_RATE ? Anomaly.SMALL_AMOUNT
					: u < OWNERSHIP_TRANSFER_RATE + SMALL_AMOUNT_RATE + REFUND_ADJUSTMENT_RATE ? Anomaly.REFUND_ADJUSTMENT
					: Anomaly.NONE;

			double kwh = base * category.seasonalFactor(calendar.monthOfYear(k)) * trend
					* (1.0 + noise * Randoms.quickNormal(rng));
			if (anomaly == Anomaly.SMALL_AMOUNT) {
				// 小电量发行: a meter change or a part-month account bills a sliver of the usual energy.
				kwh *= Randoms.uniform(rng, 0.01, 0.08);
			}
			long total = integerReadings ? Math.round(kwh) * 100 : Math.round(kwh * 100);
			total = Math.max(0, total);

			double jitter = 0.03 * (rng.nextDouble() - 0.5);
			double peakShare = Randoms.clamp(persona.peakShare() + jitter, 0.05, 0.6);
			long peak = Math.round(total * peakShare);
			long flat = Math.min(total - peak, Math.round(total * persona.flatShare()));
			// Valley takes the remainder so the three parts add up to kwh exactly.
			long valley = total - peak - flat;

			double tariff = category.tariffYuanPerKwh();
			double yuan = category.timeOfUsePricing()
					? tariff * (peak * PEAK_PRICE + flat * FLAT_PRICE + valley * VALLEY_PRICE) / 100.0
					: tariff * total / 100.0;
			// The capacity charge stays on the regular bill; a small-amount issue bills energy only.
			if (category == UsageCategory.LARGE_INDUSTRIAL && anomaly != Anomaly.SMALL_AMOUNT) {
				yuan += UsageCategory.CAPACITY_CHARGE_YUAN_PER_KVA * customer.capacityKva();
			}
			if (anomaly == Anomaly.REFUND_ADJUSTMENT) {
				// 电费退补: mostly refunds of earlier over-billing (the bill may turn negative), some back-billing.
				yuan = Randoms.chance(rng, 0.65)
						? yuan - yuan * Randoms.uniform(rng, 0.2, 1.6)
						: yuan + yuan * Randoms.uniform(rng, 0.1, 0.8);
			}

			history.kwh[k] = total;
			history.peakKwh[k] = peak;
			history.flatKwh[k] = flat;
			history.valleyKwh[k] = valley;
			history.amountCents[k] = Math.round(yuan * 100);
			history.anomaly[k] = anomaly;
			// The utility's billing run spreads issuing over the first three days of the month.
			history.issueDay[k] = calendar.issueMonthStartDay(k) + rng.nextInt(3);
			trend *= monthlyGrowth;
		}
	}

	private static double baseMonthlyKwh(Customer customer, SplittableRandom rng) {
		double spread = StrictMath.exp(0.35 * Randoms.normal(rng));
		return switch (customer.category()) {
			// Household median about 190 kWh a month, heavy-tailed (villas, electric heating).
			case RESIDENTIAL -> 190.0 * StrictMath.exp(0.55 * Randoms.normal(rng));
			case GENERAL_COMMERCIAL -> customer.capacityKva() * Randoms.uniform(rng, 0.10, 0.35) * HOURS_PER_MONTH * spread;
			case LARGE_INDUSTRIAL -> customer.capacityKva() * Randoms.uniform(rng, 0.25, 0.60) * HOURS_PER_MONTH * 0.9;
			case AGRICULTURAL -> customer.capacityKva() * Randoms.uniform(rng, 0.05, 0.20) * HOURS_PER_MONTH * spread;
		};
	}
}
