package com.powerkg.segmentation;

import java.util.List;

/** Value segments as GraphQL shows them (graphql/segments.graphqls). */
public final class Segments {

	private Segments() {
	}

	public record Summary(String dimension, String level, String nameZh, String nameEn, boolean clustered, long customerCount,
			double share, List<FeatureValue> centroid, String run) {
	}

	public record FeatureValue(String feature, String unit, double value) {
	}

	public record DimensionMetrics(String dimension, int k, boolean automatic, List<Trial> trials, String definingFeature,
			long customers, long clustered, boolean namesHold, List<LevelFigures> levels, List<ExclusionCount> excluded,
			List<ClusterNaming> naming, List<FeatureDistribution> features, List<Warning> warnings, String picture) {
	}

	public record Trial(String dimension, int k, double withinClusterSumOfSquares, double silhouette, Double largestLevelShare,
			Double smallestClusterShare, Boolean withinSizeLimits, boolean chosen) {
	}

	public record LevelFigures(String level, boolean clustered, long customerCount, double share, long clusters, Double definingFrom,
			Double definingTo, List<FeatureValue> centroid) {
	}

	public record ExclusionCount(String level, String reason, long customerCount) {
	}

	public record ClusterNaming(int rank, String positional, String level, boolean holds, String anchor, double value) {
	}

	public record FeatureDistribution(String feature, String unit, String transform, double lowerPercentile, double upperPercentile,
			double clusterWeight, double rankingWeight, long customers, long imputed, List<Double> percentiles, List<Double> raw,
			List<Double> transformed, Double lowerCap, Double upperCap, long cappedBelow, long cappedAbove) {
	}

	public record Warning(String kind, String level, Double value, Double limit, String message) {
	}

	public record Parameters(long seed, int restarts, int maxIterations, int silhouetteSample, double maxLevelShare,
			double minLevelShare, double stableGrowthBand, int stoppedMonths) {
	}

	public record FeatureCount(String feature, long customers) {
	}

	public record Transition(String dimension, String from, String to, long customerCount) {
	}

	/** What a run recorded about its segmentation beyond its own properties; {@code parameters} null before issue O. */
	public record RunFigures(List<DimensionMetrics> dimensions, List<Transition> transitions, Parameters parameters) {

		static final RunFigures NONE = new RunFigures(List.of(), List.of(), null);

	}

}
