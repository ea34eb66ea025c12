package com.powerkg.collection;

import java.util.Optional;

import com.powerkg.tagging.TagCode;
import com.powerkg.tagging.TagParameters;

/**
 * The days of the month of the three settle habits (rule 8), as the tag taxonomy's parameters say
 * ({@code SETTLES_EARLY.fromDay/toDay}, ...): one source for the tags and the plan, so a steward's change of a window
 * reaches both.
 */
public record SettleWindows(int earlyFrom, int earlyTo, int midFrom, int midTo, int lateFrom, int lateTo) {

	public static SettleWindows of(TagParameters parameters) {
		return new SettleWindows(parameters.integer(TagCode.SETTLES_EARLY, "fromDay"), parameters.integer(TagCode.SETTLES_EARLY, "toDay"),
				parameters.integer(TagCode.SETTLES_MID, "fromDay"), parameters.integer(TagCode.SETTLES_MID, "toDay"),
				parameters.integer(TagCode.SETTLES_LATE, "fromDay"), parameters.integer(TagCode.SETTLES_LATE, "toDay"));
	}

	/** First day of the customer's habit window; empty without a settle-habit tag. */
	Optional<Integer> start(CollectionCase c) {
		return c.has(TagCode.SETTLES_EARLY) ? Optional.of(this.earlyFrom) : c.has(TagCode.SETTLES_MID) ? Optional.of(this.midFrom)
				: c.has(TagCode.SETTLES_LATE) ? Optional.of(this.lateFrom) : Optional.empty();
	}

	/** Last day of the customer's habit window (only meaningful with a start). */
	int end(CollectionCase c) {
		return c.has(TagCode.SETTLES_EARLY) ? this.earlyTo : c.has(TagCode.SETTLES_MID) ? this.midTo : this.lateTo;
	}

}
