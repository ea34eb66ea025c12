package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.Anomaly;
import java.util.SplittableRandom;

/**
 * Monthly consumption (consumption.csv) and the bill it produces (bills.csv).
 *
 * <p>Real consumption is mostly flat and heavy-tailed, and not every customer consumes all the time. On top of the
 * persona's yearly trend each customer draws a {@link Shape}: most are steady, with their own noise and seasonal
 * amplitude; a few swing strongly month to month without a trend, or swing with the seasons; some change level once
 * (a production line added or shut); a few stop consuming (a flat left vacant, a shop closed: 0 kWh from then on), start
 * late (a vacant flat, 空置房, occupied during the window: 0 kWh before), or grow from a near-zero base (a new building
 * filling up). The segmentation must cope with exactly these (docs/value-segmentation.md).
 */
final class UsageModel {

	/** Shares of the customer shapes, drawn per customer from its usage stream. */
	static final double STOPS_SHARE = 0.025;
	static final double STARTS_LATE_SHARE = 0.025;
	static final double NEAR_ZERO_BASE_SHARE = 0.01;
	static final double LEVEL_SHIFT_SHARE = 0.03;
	static final double SWINGING_SHARE = 0.05;
	static final double STRONGLY_SEASONAL_SHARE = 0.06;

	/**
	 * How one customer's consumption departs from a steady trend.
	 *
	 * @param firstMonth      0 kWh before this month (0 = consumes from the start)
	 * @param stopMonth       0 kWh from this month on ({@code months} = never stops)
	 * @param rampFrom        share of the base consumed in the first month, rising to 1 by the last, slowly at first
	 *                        (1 = no ramp)
	 * @param shiftMonth      from this month on consumption is multiplied by {@code shiftFactor}
	 * @param swing           sigma of a log-normal month-to-month factor (0 = none): swings without a trend
	 * @param seasonAmplitude multiplies the category's seasonal deviation from 1
	 */
	record Shape(int firstMonth, int stopMonth, double rampFrom, int shiftMonth, double shiftFactor, double swing,
			double seasonAmplitude, double noiseFactor) {

		/** Whether the customer consumes at all in month k. */
		boolean active(int k) {
			return k >= this.firstMonth && k < this.stopMonth;
		}

		double level(int k, int months) {
			double ramp = 1.0;
			if (this.rampFrom < 1.0) {
				double x = months <= 1 ? 1.0 : k / (double) (months - 1);
				ramp = this.rampFrom + (1.0 - this.rampFrom) * StrictMath.pow(x, 2.5);
			}
			return ramp * (k >= this.shiftMonth ? this.shiftFactor : 1.0);
		}

		double seasonal(double categoryFactor) {
			return Math.max(0.05, 1.0 + this.seasonAmplitude * (categoryFactor - 1.0));
		}

		static Shape draw(int months, SplittableRandom rng) {
			int first = 0;
			int stop = months;
			double ramp = 1.0;
			double life = rng.nextDouble();
			if (months >= 4 && life < STOPS_SHARE) {
				stop = Randoms.between(rng, 2, months - 1);
			} else if (months >= 4 && life < STOPS_SHARE + STARTS_LATE_SHARE) {
				first = Randoms.between(rng, 1, months - 3);
			} else if (life < STOPS_SHARE + STARTS_LATE_SHARE + NEAR_ZERO_BASE_SHARE) {
				ramp = Randoms.uniform(rng, 0.002, 0.03);
			}
			int shiftMonth = months;
			double shiftFactor = 1.0;
			if (Randoms.chance(rng, LEVEL_SHIFT_SHARE)) {
				shiftMonth = rng.nextInt(months);
				shiftFactor = Randoms.chance(rng, 0.5) ? Randoms.uniform(rng, 0.45, 0.8) : Randoms.uniform(rng, 1.25, 2.2);
			}
			double swing = Randoms.chance(rng, SWINGING_SHARE) ? Randoms.uniform(rng, 0.35, 0.8) : 0.0;
			double amplitude = Randoms.chance(rng, STRONGLY_SEASONAL_SHARE) ? Randoms.uniform(rng, 2.0, 3.5)
					: Randoms.uniform(rng, 0.6, 1.4);
			// how noisy the meter readings are, against the category's usual noise: heavy-tailed across customers
			double noiseFactor = StrictMath.exp(0.3 * Randoms.normal(rng));
			return new Shape(first, stop, ramp, shiftMonth, shiftFactor, swing, amplitude, noiseFactor);
		}

	}

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
		Shape shape = Shape.draw(calendar.months(), rng);
		double base = baseMonthlyKwh(customer, rng);
		// month-to-month noise of a steady customer; bounded so that 1 + noise x quickNormal (at most 3.46) stays positive
		double noise = Math.min(0.28, (category == UsageCategory.RESIDENTIAL ? 0.06 : 0.04) * shape.noiseFactor());
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

			double kwh = base * shape.seasonal(category.seasonalFactor(calendar.monthOfYear(k))) * trend
					* shape.level(k, calendar.months()) * (1.0 + noise * Randoms.quickNormal(rng));
			if (shape.swing() > 0) {
				double sigma = shape.swing();
				kwh *= StrictMath.exp(sigma * Randoms.normal(rng) - sigma * sigma / 2);
			}
			if (!shape.active(k)) {
				// vacant or closed: the meter reads nothing and nothing unusual is billed (large industry still pays the
				// capacity charge of its contract)
				kwh = 0;
				anomaly = Anomaly.NONE;
			}
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
