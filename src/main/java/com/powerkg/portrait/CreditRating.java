package com.powerkg.portrait;

import java.util.List;

/** A customer's credit rating of the published run, as the portrait shows it (GraphQL {@code CreditRating}). */
public record CreditRating(String grade, String nameZh, double score, double probabilityOfDefault, List<String> reasons, boolean flagged,
		String run) {
}
