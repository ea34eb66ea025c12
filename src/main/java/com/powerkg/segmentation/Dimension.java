package com.powerkg.segmentation;

import java.util.Arrays;
import java.util.List;

import com.powerkg.contract.ValueDimension;

/**
 * The four value dimensions of SPEC §4 (seed 002 §4–§5), each clustered on its own four features. Levels are
 * listed from the top of the dimension's ranking (see {@link Feature#rankingWeight()}) to the bottom: the cluster
 * whose centroid ranks highest is the first level, so HIGH always means high, and a level's name must also hold
 * against the absolute anchors of {@link LevelNaming}.
 *
 * <p>Customers a dimension cannot measure are not clustered into one of its levels but get one of its
 * {@link #exclusionLevels() exclusion levels} with the reason ({@link Exclusion}): only growth potential has them,
 * because only growth needs a consumption history of a given length. The level codes themselves are the product's
 * ({@link ValueDimension}); this enum adds how each dimension is measured and clustered.
 */
public enum Dimension {

	REVENUE_CONTRIBUTION, SOCIAL_INFLUENCE, GROWTH_POTENTIAL, ARREARS_RISK;

	/** The dimension's codes: its Chinese name and levels, shared with the portrait, the filters and GraphQL. */
	public ValueDimension codes() {
		return ValueDimension.valueOf(name());
	}

	public String nameZh() {
		return codes().nameZh();
	}

	/** The paper's level codes, highest ranked first; their number is the paper's k (3/3/4/3). */
	public List<String> levels() {
		return codes().levels();
	}

	/** Levels of customers the dimension cannot measure (not clustered), the names of {@link Exclusion.Level}. */
	public List<String> exclusionLevels() {
		return codes().exclusionLevels();
	}

	/** The named levels, then the exclusion levels: every level a customer can have in this dimension. */
	public List<String> allLevels() {
		return codes().allLevels();
	}

	public int defaultK() {
		return levels().size();
	}

	/**
	 * The feature that says what the levels mean and whose centroids (in original units) the names are checked
	 * against: annual revenue, contract capacity, 12-month growth, overdue bills. Growth falls back to the 3-month
	 * growth on a run where most customers have no 24-month history ({@link Exclusion#definingGrowthFeature}).
	 */
	public Feature definingFeature() {
		// a switch, not a constructor argument: Feature's constants refer to Dimension's, so one enum would see the other's null
		return switch (this) {
			case REVENUE_CONTRIBUTION -> Feature.ANNUAL_REVENUE;
			case SOCIAL_INFLUENCE -> Feature.CONTRACT_CAPACITY;
			case GROWTH_POTENTIAL -> Feature.GROWTH_12M;
			case ARREARS_RISK -> Feature.OVERDUE_BILLS;
		};
	}

	public List<Feature> features() {
		return Arrays.stream(Feature.values()).filter(f -> f.dimension() == this).toList();
	}

}
