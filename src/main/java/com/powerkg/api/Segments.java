package com.powerkg.api;

import java.util.List;

/** Value segments as GraphQL shows them. */
public final class Segments {

	private Segments() {
	}

	public record Summary(String dimension, String level, String nameZh, String nameEn, long customerCount, double share,
			List<FeatureValue> centroid, String run) {
	}

	public record FeatureValue(String feature, String unit, double value) {
	}

	public record Membership(String dimension, String level, String nameZh, double distance) {
	}

	public record DimensionMetrics(String dimension, int k, boolean automatic, List<Trial> trials) {
	}

	public record Trial(String dimension, int k, double withinClusterSumOfSquares, double silhouette, boolean chosen) {
	}

	public record FeatureCount(String feature, long customers) {
	}

	public record Transition(String dimension, String from, String to, long customerCount) {
	}

	/** What a run recorded about its segmentation beyond its own properties. */
	public record RunFigures(List<Trial> trials, List<Transition> transitions) {

		static final RunFigures NONE = new RunFigures(List.of(), List.of());

	}

}
