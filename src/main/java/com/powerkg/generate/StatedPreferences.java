package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.generate.CustomerHistory.Contact;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A customer with a stated preference (seed 004 tags 10-14) says it once, on a contact that reached
 * them. Recent statements are what the tags and the worklist act on, so the last six months are preferred.
 */
final class StatedPreferences {

	private static final long SIX_MONTHS_DAYS = 183;

	private final PeriodCalendar calendar;

	StatedPreferences(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	/** Call after {@link CustomerHistory#sortChronologically()} so the choice does not depend on insertion order. */
	void record(Persona persona, CustomerHistory history, SplittableRandom rng) {
		DunningResponse preference = persona.statedPreference();
		if (preference == DunningResponse.NONE || history.contacts.isEmpty()) {
			return;
		}
		long recentFrom = (calendar.extractDay() - SIX_MONTHS_DAYS) * PeriodCalendar.SECONDS_PER_DAY;
		// "No phone dunning" is said on the phone; the others can come up on any reached contact.
		boolean wantPhone = preference == DunningResponse.REFUSES_PHONE;
		int chosen = choose(history.contacts, recentFrom, wantPhone, rng);
		if (chosen < 0 && wantPhone) {
			chosen = choose(history.contacts, recentFrom, false, rng);
		}
		if (chosen < 0) {
			chosen = choose(history.contacts, Long.MIN_VALUE, wantPhone, rng);
		}
		if (chosen < 0) {
			chosen = choose(history.contacts, Long.MIN_VALUE, false, rng);
		}
		if (chosen >= 0) {
			history.contacts.set(chosen, history.contacts.get(chosen).withResponse(preference));
		}
	}

	private static int choose(List<Contact> contacts, long from, boolean phoneOnly, SplittableRandom rng) {
		int candidates = 0;
		for (Contact c : contacts) {
			if (eligible(c, from, phoneOnly)) {
				candidates++;
			}
		}
		if (candidates == 0) {
			return -1;
		}
		int target = rng.nextInt(candidates);
		for (int i = 0; i < contacts.size(); i++) {
			if (eligible(contacts.get(i), from, phoneOnly) && target-- == 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean eligible(Contact c, long from, boolean phoneOnly) {
		return c.reached() && c.contactedAt() >= from && (!phoneOnly || c.method() == ContactMethod.PHONE);
	}
}
