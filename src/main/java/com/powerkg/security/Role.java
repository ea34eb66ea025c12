package com.powerkg.security;

/**
 * What a signed-in user may do through the API (issue E). ADMIN may do everything; PERSONAL_DATA is a grant added
 * to another role (e.g. a call-centre application that must dial the customer) that shows names and phones unmasked.
 */
public enum Role {

	/** reads portraits, target lists, strategies and the collection plan, with personal data masked; records contacts */
	MARKETING,
	/** reads aggregates: segment summaries, the tag taxonomy, the strategy catalogue, analytics runs */
	ANALYST,
	/** maintains the tag taxonomy and the strategy catalogue (enables or disables strategies) */
	STEWARD,
	/** everything, including analytics runs and unmasked personal data */
	ADMIN,
	/** added to another role: names and phones are shown unmasked */
	PERSONAL_DATA;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
