package com.powerkg.tagging;

/**
 * The portrait tags of SPEC §3 (seed 004 §2.2). One place for the codes: the GraphQL enum {@code TagCode} and
 * the taxonomy migration must list exactly these (a test checks both).
 */
public enum TagCode {

	BILLING_ANOMALY, REPEATED_ARREARS, NO_FIXED_CHANNEL, SETTLES_EARLY, SETTLES_MID, SETTLES_LATE,
	DUNNING_RESPONSIVE, DUNNING_UNRESPONSIVE, SMALL_FREQUENT_TOPUP, DUNNING_AVERSE, PHONE_DUNNING_AVERSE,
	NO_DUNNING_THIS_MONTH, CONTACT_UPDATED, CONTACT_ADDED

}
