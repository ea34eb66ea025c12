package com.powerkg.segmentation;

import java.util.List;

/**
 * The four value dimensions of SPEC §4 (seed 002 §4–§5), each clustered on its own four features. Levels are
 * listed from the top of the dimension's ranking (see {@link Feature#rankingWeight()}) to the bottom: the cluster
 * whose centroid ranks highest is the first level, so HIGH always means high.
 */
public enum Dimension {

	REVENUE_CONTRIBUTION("收入贡献", List.of("HIGH", "MEDIUM", "LOW")),

	SOCIAL_INFLUENCE("社会影响力", List.of("HIGH", "MEDIUM", "LOW")),

	GROWTH_POTENTIAL("发展潜力", List.of("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING")),

	ARREARS_RISK("欠费风险", List.of("HIGH", "MEDIUM", "LOW"));

	private final String nameZh;

	private final List<String> levels;

	Dimension(String nameZh, List<String> levels) {
		this.nameZh = nameZh;
		this.levels = levels;
	}

	public String nameZh() {
		return this.nameZh;
	}

	/** Level codes, highest ranked first; their number is the paper's k (3/3/4/3). */
	public List<String> levels() {
		return this.levels;
	}

	public int defaultK() {
		return this.levels.size();
	}

	public List<Feature> features() {
		return java.util.Arrays.stream(Feature.values()).filter(f -> f.dimension() == this).toList();
	}

}
