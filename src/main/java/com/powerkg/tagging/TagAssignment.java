package com.powerkg.tagging;

import java.util.List;

/**
 * A tag that holds for a customer, with the ids of the bills, payments or contacts that made it true and a
 * sentence saying why.
 */
public record TagAssignment(TagCode code, List<String> evidence, String explanation) {

	public TagAssignment {
		evidence = List.copyOf(evidence);
		if (evidence.isEmpty()) {
			throw new IllegalArgumentException(code + " assigned without evidence");
		}
	}

}
