package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One dimension's segmentation of all analysed customers, without a database: who cannot be measured
 * ({@link Exclusion}), the robust features of the others ({@link FeaturePreparation}), K-Means for the configured k or
 * for 2..8 ({@link KMeansSegmenter}), names that hold against their anchors ({@link LevelNaming}), and the figures an
 * analyst judges the result by: level sizes and shares, centroids in original units, the defining feature's range per
 * level, the features' distributions before and after their transform, the excluded customers and why, and warnings.
 *
 * <p>A run is not judged by its silhouette alone: one giant cluster and a few outliers score a fine silhouette. A
 * level holding more than {@code max-level-share} of the customers, or a named level with customers but fewer than
 * {@code min-level-share}, is a warning; with {@code k=auto} the k with the best silhouette among those whose levels
 * stay within both limits is kept (the best overall, with a warning, when none does).
 */
public final class DimensionSegmenter {

	/** Bins of the histogram of the defining feature drawn in the picture. */
	static final int HISTOGRAM_BINS = 40;

	private DimensionSegmenter() {
	}

	/**
	 * One k tried.
	 *
	 * @param largestLevelShare    the largest share of the customers a named level got
	 * @param smallestClusterShare the smallest share of the customers a cluster got
	 * @param withinSizeLimits     largest level share ≤ max-level-share and smallest cluster share ≥ min-level-share
	 */
	public record Trial(int k, double withinClusterSumOfSquares, double silhouette, double largestLevelShare,
			double smallestClusterShare, boolean withinSizeLimits) {
	}

	/**
	 * One level of the dimension as the run found it.
	 *
	 * @param clustered    false for an exclusion level (STOPPED, INSUFFICIENT_HISTORY)
	 * @param share        of all the dimension's customers
	 * @param clusters     K-Means clusters named this level (0 for an exclusion level)
	 * @param centroid     mean raw value of each of the dimension's features, original units; NaN where no member has one
	 * @param definingFrom the smallest raw value of the run's defining feature among the level's customers; NaN if none
	 * @param definingTo   the largest
	 * @param reasons      for an exclusion level, its customers per reason
	 * @param histogram    its customers per bin of the {@link Histogram}
	 */
	public record Level(String level, boolean clustered, long customers, double share, int clusters, double[] centroid,
			double definingFrom, double definingTo, Map<Exclusion.Reason, Long> reasons, int[] histogram) {
	}

	/** Something about the run an analyst should look at; never an error. */
	public record Warning(Kind kind, String level, double value, double limit, String message) {

		public enum Kind {

			/** a level holds more than max-level-share of the customers */
			LEVEL_TOO_LARGE,
			/** a named level holds customers, but fewer than min-level-share */
			LEVEL_TOO_SMALL,
			/** a cluster could not carry the name its rank gave it and got another level */
			NAME_NOT_SUPPORTED,
			/** the defining feature's centroid does not fall from level to level in original units */
			ORDER_NOT_MONOTONE,
			/** k=auto: no k kept every level within the size limits; the best silhouette was kept */
			NO_K_WITHIN_SIZE_LIMITS,
			/** nobody could be clustered: every customer is in an exclusion level */
			NOTHING_CLUSTERED

		}

	}

	/** The bins of the pictures' histogram: the defining feature after capping and transform, from..to. */
	public record Histogram(Feature feature, double from, double to, int bins) {
	}

	/**
	 * @param definingFeature the feature that orders and names the levels in this run
	 * @param k               clusters kept; 0 when nobody was clustered
	 * @param naming          how each cluster was named
	 * @param assignment      what each customer got; null once written (the run's outcome keeps the figures only)
	 */
	public record Result(Dimension dimension, Feature definingFeature, int k, boolean automatic, List<Trial> trials,
			long customers, long clustered, List<Level> levels, List<FeaturePreparation.Distribution> distributions,
			List<LevelNaming.Decision> naming, List<Warning> warnings, Histogram histogram, Assignment assignment) {

		/** The figures without the per-customer arrays. */
		public Result withoutAssignment() {
			return new Result(this.dimension, this.definingFeature, this.k, this.automatic, this.trials, this.customers,
					this.clustered, this.levels, this.distributions, this.naming, this.warnings, this.histogram, null);
		}

		/** Customers per level, every level of the dimension in order (0 for an empty one). */
		public Map<String, Long> customersPerLevel() {
			Map<String, Long> perLevel = new LinkedHashMap<>();
			this.levels.forEach(l -> perLevel.put(l.level(), l.customers()));
			return perLevel;
		}

		public boolean namesHold() {
			return this.naming.stream().noneMatch(LevelNaming.Decision::renamed);
		}

		public Trial chosenTrial() {
			return this.trials.stream().filter(t -> t.k() == this.k).findFirst().orElse(null);
		}

		/** The level of a matrix row, e.g. FAST_GROWTH or STOPPED. */
		public String level(int row) {
			return this.dimension.allLevels().get(this.assignment.levelOfCustomer()[row]);
		}

		/** The features of the dimension capped for a matrix row, by code. */
		public List<String> cappedFeatures(int row) {
			List<String> codes = new ArrayList<>();
			List<Feature> features = this.dimension.features();
			for (int j = 0; j < features.size(); j++) {
				if ((this.assignment.capped()[row] & (1 << j)) != 0) {
					codes.add(features.get(j).code());
				}
			}
			return codes;
		}

	}

	/**
	 * @param levelOfCustomer per matrix row, the index of its level in {@link Dimension#allLevels()}
	 * @param distance        per matrix row, the distance to its cluster's centre (weighted standardised units); NaN when
	 *                        not clustered
	 * @param capped          per matrix row, a bit per feature of {@link Dimension#features()} that was beyond a
	 *                        winsorising limit
	 * @param reasons         per matrix row, why it was not clustered; null when it was
	 */
	public record Assignment(int[] levelOfCustomer, double[] distance, byte[] capped, Exclusion.Reason[] reasons) {
	}

	/**
	 * @param choice the k to fit, or 0 to try 2..8
	 */
	public static Result segment(FeatureMatrix matrix, Dimension dimension, int choice, SegmentationProperties properties) {
		matrix.prepare();
		int n = matrix.size();
		List<Feature> features = dimension.features();
		Feature defining = (dimension == Dimension.GROWTH_POTENTIAL)
				? Exclusion.definingGrowthFeature(matrix, properties.stoppedMonths()) : dimension.definingFeature();

		Exclusion.Reason[] reasons = new Exclusion.Reason[n];
		int[] rowsBuffer = new int[n];
		int clustered = 0;
		for (int i = 0; i < n; i++) {
			Exclusion exclusion = (dimension == Dimension.GROWTH_POTENTIAL)
					? Exclusion.of(matrix.row(i), defining, properties.stoppedMonths()) : null;
			if (exclusion == null) {
				rowsBuffer[clustered++] = i;
			}
			else {
				reasons[i] = exclusion.reason();
			}
		}
		int[] rows = Arrays.copyOf(rowsBuffer, clustered);
		var prepared = FeaturePreparation.prepare(matrix, dimension, rows, clusterWeights(dimension, defining),
				rankingWeights(dimension, defining));

		int named = dimension.levels().size();
		int[] levelOfCustomer = new int[n];
		double[] distance = new double[n];
		Arrays.fill(distance, Double.NaN);
		byte[] capped = new byte[n];
		for (int i = 0; i < n; i++) {
			if (reasons[i] != null) {
				levelOfCustomer[i] = named + dimension.exclusionLevels().indexOf(reasons[i].level().name());
			}
		}
		long[] excludedPerLevel = new long[dimension.exclusionLevels().size()];
		for (int i = 0; i < n; i++) {
			if (reasons[i] != null) {
				excludedPerLevel[levelOfCustomer[i] - named]++;
			}
		}

		List<Trial> trials = new ArrayList<>();
		KMeansSegmenter.Clusters best = null;
		LevelNaming.Naming bestNaming = null;
		List<Warning> warnings = new ArrayList<>();
		boolean automatic = choice == 0;
		if (clustered > 0) {
			int from = automatic ? SegmentationProperties.MIN_K : choice;
			int to = automatic ? SegmentationProperties.MAX_K : choice;
			Trial bestTrial = null;
			Trial bestWithinLimits = null;
			KMeansSegmenter.Clusters bestWithinLimitsClusters = null;
			LevelNaming.Naming bestWithinLimitsNaming = null;
			for (int k = from; k <= to; k++) {
				var clusters = KMeansSegmenter.fit(prepared.x(), k, properties.seed(), properties.restarts(), properties.maxIterations());
				if (clusters.k() < k && !trials.isEmpty()) {
					break; // fewer distinct customers than k: larger k cannot differ
				}
				var naming = LevelNaming.name(dimension, defining, summaries(prepared, clusters), properties.stableGrowthBand());
				double silhouette = KMeansSegmenter.silhouette(prepared.x(), clusters.labels(), clusters.k(), properties.silhouetteSample(),
						properties.seed());
				Trial trial = trial(clusters, naming, named, n, silhouette, properties);
				trials.add(trial);
				if (bestTrial == null || trial.silhouette() > bestTrial.silhouette()) {
					bestTrial = trial;
					best = clusters;
					bestNaming = naming;
				}
				if (trial.withinSizeLimits() && (bestWithinLimits == null || trial.silhouette() > bestWithinLimits.silhouette())) {
					bestWithinLimits = trial;
					bestWithinLimitsClusters = clusters;
					bestWithinLimitsNaming = naming;
				}
			}
			if (automatic && bestWithinLimits != null) {
				best = bestWithinLimitsClusters;
				bestNaming = bestWithinLimitsNaming;
			}
			else if (automatic) {
				warnings.add(new Warning(Warning.Kind.NO_K_WITHIN_SIZE_LIMITS, null, Double.NaN, Double.NaN,
						"no k from 2 to 8 kept every level within the size limits; kept the best silhouette, k=" + best.k()));
			}
			for (int r = 0; r < rows.length; r++) {
				int i = rows[r];
				int cluster = best.labels()[r];
				levelOfCustomer[i] = bestNaming.levelOfCluster()[cluster];
				distance[i] = Math.sqrt(KMeansSegmenter.squaredDistance(prepared.x()[r], best.centroids()[cluster]));
				capped[i] = prepared.capped()[r];
			}
		}
		else if (n > 0) {
			warnings.add(new Warning(Warning.Kind.NOTHING_CLUSTERED, null, Double.NaN, Double.NaN,
					"no customer could be clustered: every one is in " + String.join(" or ", dimension.exclusionLevels())));
		}

		Histogram histogram = histogram(prepared, features.indexOf(defining), defining);
		List<Level> levels = levels(matrix, dimension, defining, prepared, reasons, levelOfCustomer, bestNaming, histogram);
		warnings.addAll(levelWarnings(dimension, defining, levels, bestNaming, properties));
		return new Result(dimension, defining, best == null ? 0 : best.k(), automatic, List.copyOf(trials), n, clustered,
				levels, prepared.distributions(), bestNaming == null ? List.of() : bestNaming.decisions(), List.copyOf(warnings),
				histogram, new Assignment(levelOfCustomer, distance, capped, reasons));
	}

	/** Growth clusters on its defining growth alone; the other dimensions on their features' cluster weights. */
	static Map<Feature, Double> clusterWeights(Dimension dimension, Feature defining) {
		Map<Feature, Double> weights = new EnumMap<>(Feature.class);
		for (Feature f : dimension.features()) {
			double weight = f.clusterWeight();
			if (dimension == Dimension.GROWTH_POTENTIAL && f.logRatio()) {
				weight = (f == defining) ? 1 : 0;
			}
			weights.put(f, weight);
		}
		return weights;
	}

	static Map<Feature, Double> rankingWeights(Dimension dimension, Feature defining) {
		Map<Feature, Double> weights = new EnumMap<>(Feature.class);
		for (Feature f : dimension.features()) {
			weights.put(f, (dimension == Dimension.GROWTH_POTENTIAL) ? (f == defining ? 1.0 : 0.0) : f.rankingWeight());
		}
		return weights;
	}

	private static List<LevelNaming.Cluster> summaries(FeaturePreparation.Prepared prepared, KMeansSegmenter.Clusters clusters) {
		int k = clusters.k();
		int m = prepared.values().length;
		long[] counts = new long[k];
		double[] scores = new double[k];
		double[][] sums = new double[k][m];
		for (int r = 0; r < prepared.size(); r++) {
			int c = clusters.labels()[r];
			counts[c]++;
			scores[c] += prepared.score()[r];
			for (int j = 0; j < m; j++) {
				sums[c][j] += prepared.values()[j][r];
			}
		}
		List<LevelNaming.Cluster> summaries = new ArrayList<>(k);
		for (int c = 0; c < k; c++) {
			double[] centroid = new double[m];
			for (int j = 0; j < m; j++) {
				centroid[j] = counts[c] == 0 ? Double.NaN : sums[c][j] / counts[c];
			}
			summaries.add(new LevelNaming.Cluster(counts[c], counts[c] == 0 ? 0 : scores[c] / counts[c], centroid));
		}
		return summaries;
	}

	private static Trial trial(KMeansSegmenter.Clusters clusters, LevelNaming.Naming naming, int named, int n, double silhouette,
			SegmentationProperties properties) {
		long[] perCluster = new long[clusters.k()];
		for (int label : clusters.labels()) {
			perCluster[label]++;
		}
		long[] perLevel = new long[named];
		for (int c = 0; c < clusters.k(); c++) {
			perLevel[naming.levelOfCluster()[c]] += perCluster[c];
		}
		double largest = Arrays.stream(perLevel).max().orElse(0) / (double) n;
		double smallest = Arrays.stream(perCluster).min().orElse(0) / (double) n;
		return new Trial(clusters.k(), clusters.withinClusterSumOfSquares(), silhouette, largest, smallest,
				largest <= properties.maxLevelShare() && smallest >= properties.minLevelShare());
	}

	private static Histogram histogram(FeaturePreparation.Prepared prepared, int definingColumn, Feature defining) {
		double from = Double.POSITIVE_INFINITY;
		double to = Double.NEGATIVE_INFINITY;
		for (double t : prepared.transformed()[definingColumn]) {
			from = Math.min(from, t);
			to = Math.max(to, t);
		}
		if (prepared.size() == 0) {
			return new Histogram(defining, 0, 0, HISTOGRAM_BINS);
		}
		return new Histogram(defining, from, to, HISTOGRAM_BINS);
	}

	static int bin(Histogram histogram, double t) {
		double width = histogram.to() - histogram.from();
		if (width <= 0) {
			return 0;
		}
		return Math.min(histogram.bins() - 1, (int) Math.floor((t - histogram.from()) / width * histogram.bins()));
	}

	private static List<Level> levels(FeatureMatrix matrix, Dimension dimension, Feature defining, FeaturePreparation.Prepared prepared,
			Exclusion.Reason[] reasons, int[] levelOfCustomer, LevelNaming.Naming naming, Histogram histogram) {
		List<String> all = dimension.allLevels();
		List<Feature> features = dimension.features();
		int named = dimension.levels().size();
		int m = features.size();
		int definingColumn = features.indexOf(defining);
		long n = matrix.size();
		long[] counts = new long[all.size()];
		double[][] sums = new double[all.size()][m];
		long[][] known = new long[all.size()][m];
		double[] from = new double[all.size()];
		double[] to = new double[all.size()];
		Arrays.fill(from, Double.POSITIVE_INFINITY);
		Arrays.fill(to, Double.NEGATIVE_INFINITY);
		int[][] histograms = new int[all.size()][histogram.bins()];
		List<Map<Exclusion.Reason, Long>> reasonCounts = new ArrayList<>();
		for (int l = 0; l < all.size(); l++) {
			reasonCounts.add(new EnumMap<>(Exclusion.Reason.class));
		}
		// clustered customers: imputed values of the preparation
		for (int r = 0; r < prepared.size(); r++) {
			int level = levelOfCustomer[prepared.rows()[r]];
			counts[level]++;
			for (int j = 0; j < m; j++) {
				sums[level][j] += prepared.values()[j][r];
				known[level][j]++;
			}
			double d = prepared.values()[definingColumn][r];
			from[level] = Math.min(from[level], d);
			to[level] = Math.max(to[level], d);
			histograms[level][bin(histogram, prepared.transformed()[definingColumn][r])]++;
		}
		// excluded customers: their raw values where they have one
		for (int i = 0; i < n; i++) {
			if (reasons[i] == null) {
				continue;
			}
			int level = levelOfCustomer[i];
			counts[level]++;
			reasonCounts.get(level).merge(reasons[i], 1L, Long::sum);
			for (int j = 0; j < m; j++) {
				double v = matrix.raw(i, features.get(j));
				if (!Double.isNaN(v)) {
					sums[level][j] += v;
					known[level][j]++;
				}
			}
			double d = matrix.raw(i, defining);
			if (!Double.isNaN(d)) {
				from[level] = Math.min(from[level], d);
				to[level] = Math.max(to[level], d);
			}
		}
		List<Level> levels = new ArrayList<>(all.size());
		for (int l = 0; l < all.size(); l++) {
			double[] centroid = new double[m];
			for (int j = 0; j < m; j++) {
				centroid[j] = known[l][j] == 0 ? Double.NaN : sums[l][j] / known[l][j];
			}
			int clusters = 0;
			if (naming != null) {
				for (int level : naming.levelOfCluster()) {
					clusters += (level == l) ? 1 : 0;
				}
			}
			levels.add(new Level(all.get(l), l < named, counts[l], n == 0 ? 0 : counts[l] / (double) n, clusters, centroid,
					from[l] == Double.POSITIVE_INFINITY ? Double.NaN : from[l], to[l] == Double.NEGATIVE_INFINITY ? Double.NaN : to[l],
					Map.copyOf(reasonCounts.get(l)), histograms[l]));
		}
		return List.copyOf(levels);
	}

	private static List<Warning> levelWarnings(Dimension dimension, Feature defining, List<Level> levels, LevelNaming.Naming naming,
			SegmentationProperties properties) {
		List<Warning> warnings = new ArrayList<>();
		for (Level level : levels) {
			if (level.share() > properties.maxLevelShare()) {
				warnings.add(new Warning(Warning.Kind.LEVEL_TOO_LARGE, level.level(), level.share(), properties.maxLevelShare(),
						String.format(Locale.ROOT, "%s holds %.1f %% of the customers, more than %.0f %%", level.level(), 100 * level.share(),
								100 * properties.maxLevelShare())));
			}
			if (level.clustered() && level.customers() > 0 && level.share() < properties.minLevelShare()) {
				warnings.add(new Warning(Warning.Kind.LEVEL_TOO_SMALL, level.level(), level.share(), properties.minLevelShare(),
						String.format(Locale.ROOT, "%s holds %d customers, %.2f %%, fewer than %.1f %%", level.level(), level.customers(),
								100 * level.share(), 100 * properties.minLevelShare())));
			}
		}
		if (naming != null) {
			for (LevelNaming.Decision d : naming.decisions()) {
				if (d.renamed()) {
					String value = (dimension == Dimension.GROWTH_POTENTIAL) ? LevelNaming.percent(d.value())
							: String.format(Locale.ROOT, "%.3f", d.value());
					warnings.add(new Warning(Warning.Kind.NAME_NOT_SUPPORTED, d.positional(), d.value(), Double.NaN,
							String.format(Locale.ROOT, "cluster ranked %d of %d (%s) cannot be %s (needs %s): named %s", d.rank() + 1,
									naming.decisions().size(), value, d.positional(), d.anchor(), d.level())));
				}
			}
		}
		int definingColumn = dimension.features().indexOf(defining);
		Level above = null;
		for (Level level : levels) {
			if (!level.clustered() || level.customers() == 0) {
				continue;
			}
			if (above != null && level.centroid()[definingColumn] > above.centroid()[definingColumn]) {
				warnings.add(new Warning(Warning.Kind.ORDER_NOT_MONOTONE, level.level(), level.centroid()[definingColumn],
						above.centroid()[definingColumn], String.format(Locale.ROOT, "%s has a higher mean %s (%.4g) than %s (%.4g)",
								level.level(), defining.code(), level.centroid()[definingColumn], above.level(), above.centroid()[definingColumn])));
			}
			above = level;
		}
		return warnings;
	}

}
