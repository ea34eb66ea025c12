package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.contract.ContractCodes.Importance;
import com.powerkg.contract.ContractCodes.PaymentChannel;
import com.powerkg.generate.Customer.Equipment;
import com.powerkg.generate.Customer.Financials;
import com.powerkg.generate.Persona.ChannelHabit;
import com.powerkg.generate.Persona.SettleHabit;
import java.util.SplittableRandom;

/** Draws a customer's master data (customers.csv) and latent persona from the customer's own stream. */
final class CustomerFactory {

	static final String[] REGIONS = {
		"城东网格01", "城东网格02", "城西网格01", "城西网格02", "城南网格01", "城南网格02",
		"城北网格01", "城北网格02", "高新区网格01", "开发区网格01", "东郊网格01", "西郊网格01"
	};

	private static final Weighted<UsageCategory> CATEGORIES = Weighted.of(
			UsageCategory.RESIDENTIAL, 85, UsageCategory.GENERAL_COMMERCIAL, 9,
			UsageCategory.LARGE_INDUSTRIAL, 2, UsageCategory.AGRICULTURAL, 4);

	// Region weights in REGIONS order: industry sits in the development zones, farms in the suburbs.
	private static final double[] RESIDENTIAL_REGIONS = {10, 10, 10, 10, 10, 10, 10, 10, 5, 5, 5, 5};
	private static final double[] COMMERCIAL_REGIONS = {10, 10, 10, 10, 10, 10, 10, 10, 10, 8, 2, 2};
	private static final double[] INDUSTRIAL_REGIONS = {2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 25, 35, 10, 10};
	private static final double[] AGRICULTURAL_REGIONS = {1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 0, 0, 45, 45};

	private static final Weighted<String> COMMERCIAL_INDUSTRIES = Weighted.of(
			"F52", 20, "H61", 6, "H62", 12, "I65", 6, "K70", 8, "L72", 8, "P83", 6, "Q84", 5, "S92", 4,
			"C13", 6, "C33", 6, "C34", 5, "C38", 4);
	private static final Weighted<String> INDUSTRIAL_INDUSTRIES = Weighted.of(
			"C26", 14, "C30", 14, "C31", 8, "C32", 6, "C33", 14, "C34", 12, "C36", 10, "C38", 12, "C39", 10);
	private static final Weighted<String> AGRICULTURAL_INDUSTRIES = Weighted.of("A01", 60, "A03", 15, "A05", 25);

	private static final long[] RESIDENTIAL_KVA = {4, 6, 8, 10, 12, 16, 20};
	private static final double[] RESIDENTIAL_KVA_WEIGHTS = {5, 15, 35, 20, 12, 8, 5};
	private static final long[] LOW_VOLTAGE_COMMERCIAL_KVA = {20, 30, 50, 80, 100, 125, 160, 200};
	// Standard distribution-transformer sizes.
	private static final long[] KV10_COMMERCIAL_KVA = {250, 315, 400, 500, 630, 800, 1000, 1250, 1600};
	// 大工业 starts at 315 kVA by definition.
	private static final long[] KV10_INDUSTRIAL_KVA = {315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300};
	private static final long[] KV35_INDUSTRIAL_KVA = {5000, 6300, 8000, 10000, 12500, 16000, 20000, 31500};
	private static final long[] KV110_INDUSTRIAL_KVA = {31500, 40000, 50000, 63000, 80000};
	private static final long[] KV220_INDUSTRIAL_KVA = {100000, 120000, 150000, 180000, 240000};
	private static final long[] AGRICULTURAL_KVA = {10, 20, 30, 50, 80, 100};

	private static final Weighted<PaymentChannel> RESIDENTIAL_CHANNELS = Weighted.of(
			PaymentChannel.WECHAT, 25, PaymentChannel.ALIPAY, 20, PaymentChannel.ONLINE_APP, 20,
			PaymentChannel.BANK_DEBIT, 15, PaymentChannel.COUNTER, 12, PaymentChannel.OTHER, 8);
	private static final Weighted<PaymentChannel> COMMERCIAL_CHANNELS = Weighted.of(
			PaymentChannel.BANK_DEBIT, 30, PaymentChannel.ONLINE_APP, 25, PaymentChannel.COUNTER, 20,
			PaymentChannel.WECHAT, 10, PaymentChannel.ALIPAY, 5, PaymentChannel.ACCOUNT_MANAGER, 5, PaymentChannel.OTHER, 5);
	private static final Weighted<PaymentChannel> INDUSTRIAL_CHANNELS = Weighted.of(
			PaymentChannel.ACCOUNT_MANAGER, 40, PaymentChannel.BANK_DEBIT, 35, PaymentChannel.COUNTER, 15,
			PaymentChannel.ONLINE_APP, 10);
	private static final Weighted<PaymentChannel> AGRICULTURAL_CHANNELS = Weighted.of(
			PaymentChannel.COUNTER, 35, PaymentChannel.WECHAT, 25, PaymentChannel.BANK_DEBIT, 15,
			PaymentChannel.ALIPAY, 10, PaymentChannel.ONLINE_APP, 10, PaymentChannel.OTHER, 5);

	private static final DunningResponse[] PREFERENCES = {
		DunningResponse.REFUSES_ALL_DUNNING, DunningResponse.REFUSES_PHONE, DunningResponse.REFUSES_THIS_MONTH,
		DunningResponse.CONTACT_UPDATED, DunningResponse.CONTACT_ADDED
	};
	/** Each stated preference is held by this share of customers. */
	private static final double PREFERENCE_SHARE = 0.03;

	private final PeriodCalendar calendar;

	CustomerFactory(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	Customer create(int index, SplittableRandom rng) {
		UsageCategory category = CATEGORIES.pick(rng);
		// Most customers pay reliably; u^4 leaves a tail of about 10 % above 0.55.
		double risk = StrictMath.pow(rng.nextDouble(), 4);

		String region = REGIONS[Randoms.weightedIndex(rng, regionWeights(category))];
		String district = region.substring(0, region.indexOf("网格"));

		boolean temporary = category == UsageCategory.GENERAL_COMMERCIAL && Randoms.chance(rng, 0.01);
		String industry = switch (category) {
			case RESIDENTIAL -> null;
			case GENERAL_COMMERCIAL -> temporary ? "E47" : COMMERCIAL_INDUSTRIES.pick(rng);
			case LARGE_INDUSTRIAL -> INDUSTRIAL_INDUSTRIES.pick(rng);
			case AGRICULTURAL -> AGRICULTURAL_INDUSTRIES.pick(rng);
		};

		long voltage;
		long capacity;
		switch (category) {
			case RESIDENTIAL -> {
				voltage = 22;
				capacity = RESIDENTIAL_KVA[Randoms.weightedIndex(rng, RESIDENTIAL_KVA_WEIGHTS)];
			}
			case GENERAL_COMMERCIAL -> {
				boolean mediumVoltage = Randoms.chance(rng, 0.2);
				voltage = mediumVoltage ? 1000 : 38;
				capacity = mediumVoltage ? pick(rng, KV10_COMMERCIAL_KVA) : pick(rng, LOW_VOLTAGE_COMMERCIAL_KVA);
			}
			case LARGE_INDUSTRIAL -> {
				double u = rng.nextDouble();
				if (u < 0.5) {
					voltage = 1000;
					capacity = pick(rng, KV10_INDUSTRIAL_KVA);
				} else if (u < 0.8) {
					voltage = 3500;
					capacity = pick(rng, KV35_INDUSTRIAL_KVA);
				} else if (u < 0.95) {
					voltage = 11000;
					capacity = pick(rng, KV110_INDUSTRIAL_KVA);
				} else {
					voltage = 22000;
					capacity = pick(rng, KV220_INDUSTRIAL_KVA);
				}
			}
			default -> {
				voltage = 38;
				capacity = pick(rng, AGRICULTURAL_KVA);
			}
		}

		Importance importance = importance(rng, category, industry, temporary);
		// Large industry is always postpaid: its bills are far beyond what a meter balance can hold.
		boolean prepaid = category != UsageCategory.LARGE_INDUSTRIAL && !temporary
				&& Randoms.chance(rng, category.prepaidShare());

		boolean organisation = category.isEnterprise()
				&& !(category == UsageCategory.AGRICULTURAL && Randoms.chance(rng, 0.4));
		String name = organisation ? Names.organisation(rng, district, industry) : Names.person(rng);
		String phone = Names.mobile(rng);

		long openedOn = calendar.firstDay() - openedDaysBeforeFirstPeriod(rng, category, temporary);

		String socialCredit = null;
		Financials financials = null;
		Equipment equipment = null;
		if (organisation) {
			socialCredit = socialCredit(rng, risk);
		}
		boolean filesBalanceSheet = category == UsageCategory.LARGE_INDUSTRIAL
				|| (category == UsageCategory.GENERAL_COMMERCIAL && Randoms.chance(rng, 0.5));
		if (filesBalanceSheet) {
			financials = financials(rng, risk);
		}
		if (category.isEnterprise()) {
			equipment = equipment(rng, category, voltage, risk);
		}

		Persona persona = persona(rng, category, prepaid, risk, financials, equipment);
		boolean outcomeObserved = Randoms.chance(rng, 0.7);
		return new Customer(Customer.idOf(index), name, phone, category, industry, voltage, capacity, importance,
				prepaid, region, openedOn, socialCredit, financials, equipment, outcomeObserved, persona);
	}

	private static double[] regionWeights(UsageCategory category) {
		return switch (category) {
			case RESIDENTIAL -> RESIDENTIAL_REGIONS;
			case GENERAL_COMMERCIAL -> COMMERCIAL_REGIONS;
			case LARGE_INDUSTRIAL -> INDUSTRIAL_REGIONS;
			case AGRICULTURAL -> AGRICULTURAL_REGIONS;
		};
	}

	private static long pick(SplittableRandom rng, long[] values) {
		return values[rng.nextInt(values.length)];
	}

	/** 供电可靠性 grades: hospitals, government and process industry need backup supply; most do not. */
	private static Importance importance(SplittableRandom rng, UsageCategory category, String industry, boolean temporary) {
		if (temporary) {
			return Importance.TEMPORARY;
		}
		double u = rng.nextDouble();
		if (category == UsageCategory.LARGE_INDUSTRIAL) {
			return u < 0.03 ? Importance.SPECIAL : u < 0.18 ? Importance.FIRST : u < 0.48 ? Importance.SECOND : Importance.NONE;
		}
		if ("Q84".equals(industry)) {
			return u < 0.05 ? Importance.SPECIAL : u < 0.50 ? Importance.FIRST : u < 0.90 ? Importance.SECOND : Importance.NONE;
		}
		if ("S92".equals(industry)) {
			return u < 0.30 ? Importance.FIRST : u < 0.80 ? Importance.SECOND : Importance.NONE;
		}
		if ("P83".equals(industry)) {
			return u < 0.30 ? Importance.SECOND : Importance.NONE;
		}
		return Importance.NONE;
	}

	private static long openedDaysBeforeFirstPeriod(SplittableRandom rng, UsageCategory category, boolean temporary) {
		if (temporary) {
			return Randoms.between(rng, 15, 300);
		}
		int maxYears = category == UsageCategory.LARGE_INDUSTRIAL ? 30 : 25;
		return Randoms.between(rng, 15, maxYears * 365);
	}

	private static String socialCredit(SplittableRandom rng, double risk) {
		double score = risk + 0.15 * Randoms.normal(rng);
		return score < 0.15 ? "A" : score < 0.35 ? "B" : score < 0.6 ? "C" : "D";
	}

	private static Financials financials(SplittableRandom rng, double risk) {
		double assetLiability = Randoms.clamp(0.40 + 0.45 * risk + 0.10 * Randoms.normal(rng), 0.2, 0.95);
		double current = Randoms.clamp(1.9 - 1.6 * risk + 0.35 * Randoms.normal(rng), 0.4, 3.0);
		double returnOnNetAssets = Randoms.clamp(0.10 - 0.25 * risk + 0.05 * Randoms.normal(rng), -0.15, 0.25);
		double loanOnTime = Randoms.clamp(0.99 - 0.35 * risk + 0.04 * Randoms.normal(rng), 0.6, 1.0);
		return new Financials(assetLiability, current, returnOnNetAssets, loanOnTime);
	}

	private static Equipment equipment(SplittableRandom rng, UsageCategory category, long voltage, double risk) {
		double compensated = switch (category) {
			case LARGE_INDUSTRIAL -> 0.95;
			case GENERAL_COMMERCIAL -> voltage >= 1000 ? 0.8 : 0.45;
			default -> 0.3;
		};
		boolean reactive = Randoms.chance(rng, compensated - 0.3 * risk);
		boolean calibrated = Randoms.chance(rng, 0.93 - 0.35 * risk);
		double accidentRate = category == UsageCategory.LARGE_INDUSTRIAL ? 0.1 + 0.8 * risk : 0.03 + 0.3 * risk;
		return new Equipment(reactive, calibrated, Randoms.poisson(rng, accidentRate));
	}

	private Persona persona(SplittableRandom rng, UsageCategory category, boolean prepaid, double risk,
							Financials financials, Equipment equipment) {
		SettleHabit habit = risk > 0.4
				? pickHabit(rng, 0.20, 0.25, 0.30)
				: pickHabit(rng, 0.36, 0.30, 0.24);
		ChannelHabit channels = channelHabit(rng, category);
		boolean responsive = Randoms.chance(rng, 0.85 - 0.6 * risk);

		DunningResponse preference = DunningResponse.NONE;
		double u = rng.nextDouble();
		if (u < PREFERENCE_SHARE * PREFERENCES.length) {
			preference = PREFERENCES[(int) (u / PREFERENCE_SHARE)];
		}

		double price = StrictMath.pow(rng.nextDouble(), 3);
		double quality = StrictMath.pow(rng.nextDouble(), category.isEnterprise() ? 2 : 3);
		double outage = StrictMath.pow(rng.nextDouble(), 3);
		boolean smallFrequent = prepaid && Randoms.chance(rng, 0.2);

		double g = rng.nextDouble();
		double growth;
		if (g < 0.08) {
			growth = Randoms.uniform(rng, 0.12, 0.35);
		} else if (g < 0.15) {
			growth = Randoms.uniform(rng, -0.20, -0.05);
		} else {
			growth = Randoms.clamp(0.02 + 0.04 * Randoms.normal(rng), -0.10, 0.12);
		}

		double highValleyShare = switch (category) {
			case RESIDENTIAL -> 0.08;
			case GENERAL_COMMERCIAL -> 0.10;
			case LARGE_INDUSTRIAL -> 0.25;
			case AGRICULTURAL -> 0.15;
		};
		double peak;
		double flat;
		if (Randoms.chance(rng, highValleyShare)) {
			// Night shifts, storage heating, EV charging: 45-65 % of energy in valley hours.
			double valley = Randoms.uniform(rng, 0.45, 0.65);
			peak = Randoms.uniform(rng, 0.12, 0.25);
			flat = 1.0 - valley - peak;
		} else {
			peak = Randoms.uniform(rng, 0.28, 0.40);
			flat = Randoms.uniform(rng, 0.36, 0.46);
		}

		return new Persona(risk, habit, channels, responsive, preference, price, quality, outage, smallFrequent,
				growth, peak, flat);
	}

	private static SettleHabit pickHabit(SplittableRandom rng, double early, double mid, double late) {
		double u = rng.nextDouble();
		return u < early ? SettleHabit.EARLY
				: u < early + mid ? SettleHabit.MID
				: u < early + mid + late ? SettleHabit.LATE
				: SettleHabit.NONE;
	}

	private static ChannelHabit channelHabit(SplittableRandom rng, UsageCategory category) {
		Weighted<PaymentChannel> weights = switch (category) {
			case RESIDENTIAL -> RESIDENTIAL_CHANNELS;
			case GENERAL_COMMERCIAL -> COMMERCIAL_CHANNELS;
			case LARGE_INDUSTRIAL -> INDUSTRIAL_CHANNELS;
			case AGRICULTURAL -> AGRICULTURAL_CHANNELS;
		};
		PaymentChannel main = weights.pick(rng);
		PaymentChannel secondary = weights.pickExcept(rng, main);
		if (Randoms.chance(rng, 0.10)) {
			int count = Math.min(weights.size(), Randoms.between(rng, 3, 5));
			PaymentChannel[] scattered = new PaymentChannel[count];
			scattered[0] = main;
			scattered[1] = secondary;
			int filled = 2;
			for (int attempt = 0; filled < count && attempt < 200; attempt++) {
				PaymentChannel candidate = weights.pick(rng);
				boolean seen = false;
				for (int i = 0; i < filled; i++) {
					seen |= scattered[i] == candidate;
				}
				if (!seen) {
					scattered[filled++] = candidate;
				}
			}
			if (filled == count) {
				return new ChannelHabit(main, secondary, scattered);
			}
		}
		return new ChannelHabit(main, secondary, null);
	}
}
