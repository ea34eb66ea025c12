package com.powerkg.portrait;

import java.util.List;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.contract.ValueDimension;

/** GraphQL {@code CustomerFilter}; null fields do not filter. */
public record CustomerFilter(List<String> usageCategories, String paymentMode, List<String> regions,
		List<String> importance, List<String> tagsAllOf, List<String> tagsAnyOf, List<SegmentCondition> segments, List<String> creditGrades) {

	static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null);

	/** GraphQL {@code SegmentCondition}: a customer in this level of this dimension. */
	public record SegmentCondition(String dimension, String level) {

		/** Refuses a level that is not one of the dimension's, naming the right ones. */
		public void requireLevelOfDimension() {
			var of = ValueDimension.valueOf(this.dimension);
			if (!of.allLevels().contains(this.level)) {
				throw new InvalidArgumentException("'" + this.level + "' is not a level of " + of + "; use one of "
						+ String.join(", ", of.allLevels()));
			}
		}

	}

}
