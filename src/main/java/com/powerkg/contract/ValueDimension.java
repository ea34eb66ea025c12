package com.powerkg.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The four value dimensions of SPEC §4 (seed 002 §4–§5) and the codes of their levels, once for the whole product: the
 * GraphQL enum {@code Dimension} carries exactly these constants ({@code ContractCodesTest}), the migrations' Segment
 * nodes (V0007, V0014) these levels, a portrait lists its segments in this order and a segment filter is checked against
 * them. How a dimension is measured, clustered and its levels named is segmentation's ({@code segmentation.Dimension}).
 */
public enum ValueDimension {

	REVENUE_CONTRIBUTION("收入贡献", List.of("HIGH", "MEDIUM", "LOW"), List.of()),

	SOCIAL_INFLUENCE("社会影响力", List.of("HIGH", "MEDIUM", "LOW"), List.of()),

	/** only growth has exclusion levels, because only growth needs a consumption history of a given length */
	GROWTH_POTENTIAL("发展潜力", List.of("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING"),
			List.of("STOPPED", "INSUFFICIENT_HISTORY")),

	ARREARS_RISK("欠费风险", List.of("HIGH", "MEDIUM", "LOW"), List.of());

	private final String nameZh;

	private final List<String> levels;

	private final List<String> exclusionLevels;

	ValueDimension(String nameZh, List<String> levels, List<String> exclusionLevels) {
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

}
