package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The four value dimensions of SPEC §4 (seed 002 §4–§5), each clustered on its own four features. Levels are
 * listed from the top of the dimension's ranking (see {@link Feature#rankingWeight()}) to the bottom: the cluster
 * whose centroid ranks highest is the first level, so HIGH always means high, and a level's name must also hold
 * against the absolute anchors of {@link LevelNaming}.
 *
 * <p>Customers a dimension cannot measure are not clustered into one of its levels but get one of its
 * {@link #exclusionLevels() exclusion levels} with the reason ({@link Exclusion}): only growth potential has them,
 * because only growth needs a consumption history of a given length.
 */
public enum Dimension {

	REVENUE_CONTRIBUTION("收入贡献", List.of("HIGH", "MEDIUM", "LOW"), List.of()),

	SOCIAL_INFLUENCE("社会影响力", List.of("HIGH", "MEDIUM", "LOW"), List.of()),

	GROWTH_POTENTIAL("发展潜力", List.of("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING"),
			Arrays.stream(Exclusion.Level.values()).map(Enum::name).toList()),

	ARREARS_RISK("欠费风险", List.of("HIGH", "MEDIUM", "LOW"), List.of());

	private final String nameZh;

	private final List<String> levels;

	private final List<String> exclusionLevels;

	Dimension(String nameZh, List<String> levels, List<String> exclusionLevels) {
		this.nameZh = nameZh;
		this.levels = levels;
		this.exclusionLevels = exclusionLevels;
	}

	public String nameZh() {
		return this.nameZh;
	}

	/** The paper's level codes, highest ranked first; their number is the paper's k (3/3/4/3). */
	public List<String> levels() {
		return this.levels;
	}

	/** Levels of customers the dimension cannot measure (not clustered), e.g. STOPPED; empty for most dimensions. */
	public List<String> exclusionLevels() {
		return this.exclusionLevels;
	}

	/** The named levels, then the exclusion levels: every level a customer can have in this dimension. */
	public List<String> allLevels() {
		List<String> all = new ArrayList<>(this.levels);
		all.addAll(this.exclusionLevels);
		return List.copyOf(all);
	}

	public int defaultK() {
		return this.levels.size();
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
