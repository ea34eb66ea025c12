package com.powerkg.api;

import java.util.List;

/** GraphQL {@code CustomerFilter}; null fields do not filter. */
public record CustomerFilter(List<String> usageCategories, String paymentMode, List<String> regions,
		List<String> importance, List<String> tagsAllOf, List<String> tagsAnyOf, List<SegmentCondition> segments, List<String> creditGrades) {

	static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null);

	/** GraphQL {@code SegmentCondition}: a customer in this level of this dimension. */
	public record SegmentCondition(String dimension, String level) {
	}

}
