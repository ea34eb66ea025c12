package com.powerkg.generate;

import static com.powerkg.generate.PeriodCalendar.HOUR;
import static com.powerkg.generate.PeriodCalendar.at;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.generate.CustomerHistory.Contact;
import com.powerkg.generate.CustomerHistory.Payment;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prepaid (费控) customers: bills are still issued but settled from the meter balance, so there are no
 * BILL payments, only TOPUP payments. When the balance runs low the utility texts a warning (round 1,
 * no bill); seed 004 notes prepaid customers are cut off as soon as the balance is insufficient.
 */
final class PrepaidAccount {

	/** Below this share of an average bill after a deduction, a low-balance SMS goes out. */
	private static final double WARNING_LEVEL = 0.3;

	private final PeriodCalendar calendar;

	PrepaidAccount(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	void simulate(Customer customer, CreditBehaviour credit, CustomerHistory history, SplittableRandom rng) {
		Persona persona = customer.persona();
		long average = history.averagePositiveBillCents();
		long balance = Math.round(average * Randoms.uniform(rng, 0.8, 1.6));
		long extractEnd = calendar.extractEndSecond();

		// A defaulting prepaid customer stops topping up for 2-4 months inside the outcome window and is cut off.
		int lapseFrom = Integer.MAX_VALUE;
		int lapseTo = Integer.MIN_VALUE;
		if (credit.defaults()) {
			int[] window = issueMonthsInOutcomeWindow();
			if (window != null) {
				lapseFrom = Randoms.between(rng, window[0], window[1]);
				lapseTo = lapseFrom + Randoms.between(rng, 1, 3);
			}
		}

		long[] times = new long[8];
		for (int k = 0; k < calendar.months(); k++) {
			long monthStart = calendar.issueMonthStartDay(k);
			int monthLength = calendar.issueMonthLength(k);
			long issueDay = history.issueDay[k];
			int issueDayOfMonth = (int) (issueDay - monthStart) + 1;
			boolean lapsing = k >= lapseFrom && k <= lapseTo;

			// The meter deducts the bill at issue; a refund (negative bill) raises the balance.
			balance -= history.amountCents[k];

			long quietFrom = Long.MIN_VALUE;
			long quietTo = Long.MIN_VALUE;
			if (balance < WARNING_LEVEL * average) {
				long warnedAt = at(issueDay + rng.nextInt(2), 9 * HOUR + rng.nextInt(3 * 3600));
				if (warnedAt < extractEnd) {
					boolean reached = Randoms.chance(rng, PostpaidCollection.reachProbability(ContactMethod.SMS));
					history.contacts.add(new Contact(warnedAt, CustomerHistory.NO_PERIOD, 1, ContactMethod.SMS,
							reached, DunningResponse.NONE));
					if (reached && persona.dunningResponsive() && !lapsing) {
						long paidAt = warnedAt + HOUR / 2
								+ (long) (rng.nextDouble() * (PostpaidCollection.RESPONSE_WINDOW - HOUR));
						if (paidAt < extractEnd) {
							long cents = topUpCents(persona, credit, average, balance, rng);
							history.payments.add(new Payment(paidAt, cents, CustomerHistory.NO_PERIOD, persona.channels().pick(rng)));
							balance += cents;
						}
					} else if (reached && !persona.dunningResponsive()) {
						quietFrom = warnedAt;
						quietTo = warnedAt + PostpaidCollection.RESPONSE_WINDOW;
					}
				}
			}
			if (lapsing) {
				continue;
			}

			int count = plannedTopUps(persona, average, balance, k == lapseTo + 1, rng);
			if (count == 0) {
				continue;
			}
			if (times.length < count) {
				times = new long[count];
			}
			for (int i = 0; i < count; i++) {
				int day = persona.smallFrequentTopUps() || i > 0
						? Randoms.between(rng, issueDayOfMonth, monthLength)
						: PostpaidCollection.habitDay(persona, issueDayOfMonth, monthLength, rng);
				boolean delayed = Randoms.chance(rng, persona.lateProbability())
						|| (credit.style() == CreditBehaviour.Style.SEASONAL && history.amountCents[k] > CreditBehaviour.PEAK * average
								&& Randoms.chance(rng, 0.6))
						|| (credit.style() == CreditBehaviour.Style.ERRATIC && Randoms.chance(rng, 0.15));
				if (!persona.smallFrequentTopUps() && delayed) {
					// Risky customers top up days after they should, and sit without power meanwhile.
					day = Math.min(monthLength, day + Randoms.between(rng, 3, 12));
				}
				long time = at(monthStart + day - 1, PostpaidCollection.daytime(rng));
				if (time > quietFrom && time <= quietTo) {
					time = quietTo + HOUR + (long) (rng.nextDouble() * 48 * HOUR);
				}
				times[i] = time;
			}
			Arrays.sort(times, 0, count);
			for (int i = 0; i < count; i++) {
				if (times[i] >= extractEnd) {
					break;
				}
				if (persona.smallFrequentTopUps() && balance > 2.5 * average) {
					continue;
				}
				long cents = k == lapseTo + 1 && i == 0 && balance < 0
						? roundUp(-balance + average, unit(average))
						: topUpCents(persona, credit, average, balance, rng);
				history.payments.add(new Payment(times[i], cents, CustomerHistory.NO_PERIOD, persona.channels().pick(rng)));
				balance += cents;
			}
		}
	}

	/**
	 * Normal customers top up one to two bills' worth whenever the balance is below about one bill, which
	 * averages 0.6-0.8 top-ups a month: topping up that much every month would grow balances without bound.
	 */
	private int plannedTopUps(Persona persona, long average, long balance, boolean endOfLapse, SplittableRandom rng) {
		if (endOfLapse) {
			return 1;
		}
		if (persona.smallFrequentTopUps()) {
			return Randoms.between(rng, 3, 6);
		}
		if (balance < average) {
			return Randoms.chance(rng, 0.25) ? 2 : 1;
		}
		return balance < 1.5 * average && Randoms.chance(rng, 0.3) ? 1 : 0;
	}

	/**
	 * Small-frequent customers top up 15-40 % of a monthly bill; others 1-2 bills, in round amounts. Revolving payers
	 * top up less than a bill (their share of it), so their balance runs down until they clear what they owe.
	 */
	private static long topUpCents(Persona persona, CreditBehaviour credit, long average, long balance, SplittableRandom rng) {
		if (persona.smallFrequentTopUps()) {
			return roundNearest(average * Randoms.uniform(rng, 0.15, 0.40), 1_000);
		}
		long unit = unit(average);
		long wanted = credit.style() == CreditBehaviour.Style.PARTIAL && balance > -average
				? Math.round(average * Randoms.clamp(credit.share() + 0.1 * Randoms.normal(rng), 0.3, 1.0))
				: Math.round(average * Randoms.uniform(rng, 1.0, 2.0));
		if (balance < 0) {
			wanted -= balance;
		}
		return roundNearest(wanted, unit);
	}

	/** People top up round sums: 50 yuan steps for household-sized bills, 100 or 1,000 for larger ones. */
	private static long unit(long averageCents) {
		return averageCents < 50_000 ? 5_000 : averageCents < 500_000 ? 10_000 : 100_000;
	}

	private static long roundNearest(double cents, long unit) {
		return Math.max(unit, Math.round(cents / unit) * unit);
	}

	private static long roundUp(long cents, long unit) {
		return Math.max(unit, (cents + unit - 1) / unit * unit);
	}

	/** First and last bill index issued inside the outcome window early enough to lapse there, or null. */
	private int[] issueMonthsInOutcomeWindow() {
		int first = -1;
		int last = -1;
		for (int k = 0; k < calendar.months(); k++) {
			long start = calendar.issueMonthStartDay(k);
			if (start >= calendar.observedOnDay() && start + 90 <= calendar.outcomeWindowEndDay()) {
				if (first < 0) {
					first = k;
				}
				last = k;
			}
		}
		return first < 0 ? null : new int[] {first, last};
	}
}
