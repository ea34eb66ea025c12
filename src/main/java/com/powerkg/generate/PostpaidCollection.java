package com.powerkg.generate;

import static com.powerkg.generate.PeriodCalendar.HOUR;
import static com.powerkg.generate.PeriodCalendar.at;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.generate.CustomerHistory.Contact;
import com.powerkg.generate.CustomerHistory.Payment;
import java.util.SplittableRandom;

/**
 * Postpaid bills: when each is paid (payments.csv, kind BILL) and today's uniform four-round dunning
 * (dunning_contacts.csv) that chases it while unpaid. Seed 004: round 1 reminds before the due date,
 * round 2 follows the due date, round 3 is the overdue notice, round 4 the cut-off notice, which is
 * lawful only once the bill is more than two months past issue.
 */
final class PostpaidCollection {

	static final long NEVER = Long.MAX_VALUE;

	/** Bills paid more than this many days late count as serious default (credit_outcomes.csv). */
	static final int SERIOUS_DAYS_LATE = 90;
	/** Lateness cap for customers who do not default: safely below SERIOUS_DAYS_LATE. */
	private static final int MAX_ORDINARY_DAYS_LATE = 85;

	/** Responsive customers pay within this window after a contact that reached them (seed 004's 48 h). */
	static final long RESPONSE_WINDOW = 48 * HOUR;

	private final PeriodCalendar calendar;

	PostpaidCollection(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	void simulate(Customer customer, CreditBehaviour credit, CustomerHistory history, SplittableRandom rng) {
		int serious = credit.defaults() ? seriousBill(history, rng) : -1;
		long average = history.averagePositiveBillCents();
		for (int k = 0; k < calendar.months(); k++) {
			// A zero or negative (refund) bill needs no payment and is never chased.
			if (history.amountCents[k] > 0) {
				simulateBill(customer, credit, history, k, k == serious, average, rng);
			}
		}
	}

	/** The bill that goes more than 90 days unpaid inside the outcome window, or -1 if none fits. */
	private int seriousBill(CustomerHistory history, SplittableRandom rng) {
		int first = -1;
		int last = -1;
		for (int k = 0; k < calendar.months(); k++) {
			long seriousFrom = calendar.dueDay(k) + SERIOUS_DAYS_LATE + 1;
			if (seriousFrom >= calendar.observedOnDay() && seriousFrom <= calendar.outcomeWindowEndDay()
					&& history.amountCents[k] > 0) {
				if (first < 0) {
					first = k;
				}
				last = k;
			}
		}
		return first < 0 ? -1 : Randoms.between(rng, first, last);
	}

	private void simulateBill(Customer customer, CreditBehaviour credit, CustomerHistory history, int k, boolean serious, long average,
			SplittableRandom rng) {
		Persona persona = customer.persona();
		long amount = history.amountCents[k];
		long issueDay = history.issueDay[k];
		long dueDay = calendar.dueDay(k);
		long monthStart = calendar.issueMonthStartDay(k);
		int monthLength = calendar.issueMonthLength(k);
		int issueDayOfMonth = (int) (issueDay - monthStart) + 1;
		long extractEnd = calendar.extractEndSecond();
		// A bill this old would show a > 90-day arrears by the end of the outcome window, which only
		// customers labelled as defaulting may have.
		boolean seriousWouldShow = dueDay + SERIOUS_DAYS_LATE + 1 <= calendar.outcomeWindowEndDay();
		boolean peak = amount > CreditBehaviour.PEAK * average;

		long settleAt;
		boolean late;
		long partialAt = NEVER;
		long partialCents = 0;
		if (serious) {
			late = true;
			settleAt = Randoms.chance(rng, 0.35)
					? NEVER
					: at(dueDay + SERIOUS_DAYS_LATE + Randoms.between(rng, 5, 120), daytime(rng));
		} else {
			double pLate = persona.lateProbability();
			if (credit.defaults() && issueDay >= calendar.observedOnDay() && issueDay <= calendar.outcomeWindowEndDay()) {
				// trouble builds up before a default
				pLate += 0.15;
			}
			if (credit.style() == CreditBehaviour.Style.ERRATIC) {
				pLate += 0.12;
			}
			else if (credit.style() == CreditBehaviour.Style.SEASONAL && peak) {
				pLate = Math.max(pLate, 0.55 + 0.3 * persona.risk());
			}
			boolean inParts = amount >= 2_000 && (credit.style() == CreditBehaviour.Style.PARTIAL
					|| (credit.style() == CreditBehaviour.Style.SEASONAL && peak && Randoms.chance(rng, 0.5)));
			if (inParts) {
				// revolving arrears: a part by the due date (now and then a few days after it), the rest later, if at all
				late = true;
				double share = credit.style() == CreditBehaviour.Style.PARTIAL
						? Randoms.clamp(credit.share() + 0.08 * Randoms.normal(rng), 0.2, 0.97)
						: Randoms.uniform(rng, 0.5, 0.8);
				partialCents = Math.max(1, Math.min(amount - 1, Math.round(amount * share)));
				partialAt = Randoms.chance(rng, pLate)
						? at(dueDay + Randoms.between(rng, 1, 10), daytime(rng))
						: at(monthStart + habitDay(persona, issueDayOfMonth, monthLength, rng) - 1, daytime(rng));
				long daysLate = 10 + (long) Randoms.exponential(rng, 15 + 35 * persona.risk());
				if (seriousWouldShow) {
					settleAt = at(dueDay + Math.min(daysLate, MAX_ORDINARY_DAYS_LATE), daytime(rng));
				} else {
					settleAt = Randoms.chance(rng, 0.1 + 0.3 * persona.risk()) ? NEVER : at(dueDay + daysLate, daytime(rng));
				}
			} else {
				late = Randoms.chance(rng, pLate);
				if (late) {
					double mean = credit.style() == CreditBehaviour.Style.ERRATIC ? 4
							: credit.style() == CreditBehaviour.Style.SEASONAL && peak ? 15 : 3 + 25 * persona.risk();
					long daysLate = 1 + (long) Randoms.exponential(rng, mean);
					if (seriousWouldShow) {
						daysLate = Math.min(daysLate, MAX_ORDINARY_DAYS_LATE);
						settleAt = at(dueDay + daysLate, daytime(rng));
					} else {
						// Newest bills: the riskiest simply have not paid by the extract date.
						settleAt = Randoms.chance(rng, 0.4 * persona.risk() * persona.risk())
								? NEVER
								: at(dueDay + daysLate, daytime(rng));
					}
				} else {
					settleAt = at(monthStart + habitDay(persona, issueDayOfMonth, monthLength, rng) - 1, daytime(rng));
				}
			}
		}

		// Some other late payers pay in two parts too; the last one settles the bill.
		if (partialAt == NEVER && late && amount >= 5_000 && Randoms.chance(rng, 0.10 + 0.25 * persona.risk())) {
			long from = at(issueDay, 8 * HOUR);
			long to = settleAt == NEVER ? Math.max(from + HOUR, extractEnd - 1) : settleAt - 12 * HOUR;
			if (to > from) {
				partialAt = from + (long) (rng.nextDouble() * (to - from));
				partialCents = Math.max(1, Math.min(amount - 1, Math.round(amount * Randoms.uniform(rng, 0.3, 0.7))));
			}
		}

		for (int round = 1; round <= 4; round++) {
			long contactedAt = roundTime(round, k, dueDay, issueDayOfMonth, rng);
			if (contactedAt >= extractEnd || settleAt <= contactedAt) {
				break;
			}
			ContactMethod method = roundMethod(round, customer, rng);
			boolean reached = Randoms.chance(rng, reachProbability(method));
			history.contacts.add(new Contact(contactedAt, k, round, method, reached, DunningResponse.NONE));
			if (!reached) {
				continue;
			}
			long windowEnd = contactedAt + RESPONSE_WINDOW;
			// a reminder before the due date does not make a revolving payer pay the rest: they paid what they could
			boolean canRespond = !(inPartsByStyle(credit) && round == 1);
			if (persona.dunningResponsive() && !serious && canRespond) {
				long payAt = contactedAt + HOUR / 2 + (long) (rng.nextDouble() * (RESPONSE_WINDOW - HOUR));
				if (payAt < settleAt) {
					settleAt = payAt;
					if (partialAt >= payAt) {
						partialAt = NEVER;
					}
				}
			} else if (!persona.dunningResponsive()) {
				// An unresponsive customer's own schedule must not look like a reaction to the contact.
				if (settleAt > contactedAt && settleAt <= windowEnd) {
					settleAt = windowEnd + HOUR + (long) (rng.nextDouble() * 72 * HOUR);
				}
				if (partialAt > contactedAt && partialAt <= windowEnd) {
					// a revolving payer still pays their part, only not in reply
					partialAt = inPartsByStyle(credit) ? windowEnd + HOUR + (long) (rng.nextDouble() * 24 * HOUR) : NEVER;
				}
			}
		}

		long remaining = amount;
		if (partialAt != NEVER && partialAt < settleAt && partialAt < extractEnd) {
			history.payments.add(new Payment(partialAt, partialCents, k, persona.channels().pick(rng)));
			remaining -= partialCents;
		}
		if (settleAt < extractEnd) {
			history.payments.add(new Payment(settleAt, remaining, k, persona.channels().pick(rng)));
		}
	}

	private static boolean inPartsByStyle(CreditBehaviour credit) {
		return credit.style() == CreditBehaviour.Style.PARTIAL;
	}

	/** Day of the issue month (1-based) the customer settles on when paying on time. */
	static int habitDay(Persona persona, int issueDayOfMonth, int monthLength, SplittableRandom rng) {
		int from = issueDayOfMonth;
		int to = monthLength;
		// Habits are habits, not rules: one payment in eight lands anywhere in the month.
		if (persona.settleHabit() != Persona.SettleHabit.NONE && rng.nextDouble() >= 0.125) {
			from = Math.max(from, persona.settleHabit().firstDay());
			to = Math.min(to, persona.settleHabit().lastDay());
		}
		return Randoms.between(rng, from, Math.max(from, to));
	}

	/** Payments happen between 07:00 and 22:59. */
	static long daytime(SplittableRandom rng) {
		return 7 * HOUR + rng.nextInt(16 * 3600);
	}

	private long roundTime(int round, int k, long dueDay, int issueDayOfMonth, SplittableRandom rng) {
		return switch (round) {
			// SMS batches go out in the morning.
			case 1 -> at(dueDay - Randoms.between(rng, 3, 5), 9 * HOUR + rng.nextInt(3 * 3600));
			case 2 -> at(dueDay + Randoms.between(rng, 2, 5), 9 * HOUR + rng.nextInt(9 * 3600));
			case 3 -> at(dueDay + Randoms.between(rng, 19, 23), 9 * HOUR + rng.nextInt(9 * 3600));
			// Strictly more than two months after issue: the earliest a cut-off may be announced.
			default -> at(calendar.monthStartDay(k + 3) + issueDayOfMonth - 1 + Randoms.between(rng, 1, 7),
					9 * HOUR + rng.nextInt(8 * 3600));
		};
	}

	private static ContactMethod roundMethod(int round, Customer customer, SplittableRandom rng) {
		return switch (round) {
			case 1 -> ContactMethod.SMS;
			case 2 -> Randoms.chance(rng, customer.category().isEnterprise() ? 0.7 : 0.4) ? ContactMethod.PHONE : ContactMethod.SMS;
			case 3 -> Randoms.chance(rng, 0.6) ? ContactMethod.PHONE : ContactMethod.WRITTEN_NOTICE;
			default -> Randoms.chance(rng, 0.6) ? ContactMethod.WRITTEN_NOTICE : ContactMethod.ONSITE;
		};
	}

	/** Overall about 85 %: texts and calls miss more often than a notice delivered in person. */
	static double reachProbability(ContactMethod method) {
		return switch (method) {
			case SMS -> 0.86;
			case PHONE -> 0.80;
			case WRITTEN_NOTICE -> 0.93;
			case ONSITE -> 0.90;
		};
	}
}
