package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Turns the raw features of the customers a dimension clusters into K-Means input, one feature at a time:
 * <ol>
 * <li>impute a missing value as its {@link Feature.Missing} says (median of the clustered customers that have one,
 * for voltage and capacity of the same usage category first);</li>
 * <li>winsorise: raise values below the feature's lower percentile to it and lower values above its upper
 * percentile to it (percentiles of the clustered customers, see {@link #percentile}); a customer with a value beyond a
 * cap is flagged ({@link Prepared#capped});</li>
 * <li>transform ({@link Feature.Transform}: none, ln(1 + x), or quantile);</li>
 * <li>standardise to mean 0 and standard deviation 1 (a constant feature becomes 0);</li>
 * <li>multiply by the feature's cluster weight (K-Means input) and by its ranking weight (the score that orders the
 * clusters into levels).</li>
 * </ol>
 * Pure: arrays in, arrays and figures out. Sorting a copy of each column is the costliest step (n log n).
 */
public final class FeaturePreparation {

	/** The percentiles every distribution is described at. */
	public static final double[] PERCENTILES = {0, 1, 5, 25, 50, 75, 95, 99, 100};

	private FeaturePreparation() {
	}

	/**
	 * How one feature looked before and after its transform, over the customers the dimension clustered.
	 *
	 * @param raw          values at {@link #PERCENTILES}, original units, after imputation and before capping; empty
	 *                     when the dimension clustered nobody
	 * @param transformed  values at {@link #PERCENTILES} after capping and the transform, before standardising
	 * @param lowerCap     the lower winsorising limit in original units; NaN = not capped below
	 * @param upperCap     the upper limit; NaN = not capped above
	 * @param cappedBelow  customers raised to the lower limit
	 * @param cappedAbove  customers lowered to the upper limit
	 * @param mean         mean of the transformed values (the standardising centre)
	 * @param sd           their standard deviation (the standardising scale)
	 */
	public record Distribution(Feature feature, int customers, int imputed, double clusterWeight, double rankingWeight,
			double[] raw, double[] transformed, double lowerCap, double upperCap, int cappedBelow, int cappedAbove, double mean,
			double sd) {

		/** A transformed value back in original units, for axis labels (the quantile transform has no inverse). */
		public double toOriginal(double transformedValue) {
			return this.feature.transform().invert(transformedValue);
		}

	}

	/**
	 * @param rows          indices into the matrix of the customers prepared, ascending
	 * @param values        per feature of the dimension (in {@link Dimension#features()} order), per row: the imputed
	 *                      raw value in original units (centroids are means of these)
	 * @param transformed   the same after capping and the transform (before standardising)
	 * @param x             per row the weighted standardised features with a cluster weight above 0: K-Means input
	 * @param score         per row the ranking score: sum of ranking weight × standardised value
	 * @param capped        per row a bit per feature (bit j = feature j) whose value was beyond a winsorising limit
	 */
	public record Prepared(int[] rows, double[][] values, double[][] transformed, double[][] x, double[] score, byte[] capped,
			List<Distribution> distributions) {

		public int size() {
			return this.rows.length;
		}

	}

	/**
	 * @param clusterWeights per feature of the dimension, its weight in the K-Means input
	 * @param rankingWeights per feature of the dimension, its weight in the ranking score
	 */
	public static Prepared prepare(FeatureMatrix matrix, Dimension dimension, int[] rows, Map<Feature, Double> clusterWeights,
			Map<Feature, Double> rankingWeights) {
		List<Feature> features = dimension.features();
		int n = rows.length;
		int m = features.size();
		double[][] values = new double[m][];
		double[][] transformed = new double[m][];
		int[] inputColumn = new int[m];
		int inputs = 0;
		for (int j = 0; j < m; j++) {
			inputColumn[j] = clusterWeights.getOrDefault(features.get(j), 0.0) > 0 ? inputs++ : -1;
		}
		double[][] x = new double[n][inputs];
		double[] score = new double[n];
		byte[] capped = new byte[n];
		List<Distribution> distributions = new ArrayList<>(m);
		for (int j = 0; j < m; j++) {
			Feature feature = features.get(j);
			double[] v = new double[n];
			for (int r = 0; r < n; r++) {
				v[r] = matrix.raw(rows[r], feature);
			}
			int imputed = impute(feature, v, matrix, rows);
			double[] sorted = v.clone();
			Arrays.sort(sorted);
			double[] rawPercentiles = percentiles(sorted, PERCENTILES);
			double lower = (n > 0 && feature.lowerPercentile() > 0) ? percentile(sorted, feature.lowerPercentile()) : Double.NaN;
			double upper = (n > 0 && feature.upperPercentile() < 100) ? percentile(sorted, feature.upperPercentile()) : Double.NaN;
			int below = 0;
			int above = 0;
			double[] t = new double[n];
			for (int r = 0; r < n; r++) {
				double value = v[r];
				if (!Double.isNaN(lower) && value < lower) {
					value = lower;
					below++;
					capped[r] |= (byte) (1 << j);
				}
				if (!Double.isNaN(upper) && value > upper) {
					value = upper;
					above++;
					capped[r] |= (byte) (1 << j);
				}
				t[r] = value;
			}
			if (feature.transform() == Feature.Transform.QUANTILE) {
				quantiles(t);
			}
			else {
				for (int r = 0; r < n; r++) {
					t[r] = feature.transform().apply(t[r]);
				}
			}
			double[] sortedT = t.clone();
			Arrays.sort(sortedT);
			double mean = 0;
			for (double value : t) {
				mean += value / n;
			}
			double variance = 0;
			for (double value : t) {
				variance += (value - mean) * (value - mean) / n;
			}
			double sd = Math.sqrt(variance);
			double clusterWeight = clusterWeights.getOrDefault(feature, 0.0);
			double rankingWeight = rankingWeights.getOrDefault(feature, 0.0);
			for (int r = 0; r < n; r++) {
				double z = (sd > 1e-12) ? (t[r] - mean) / sd : 0;
				if (inputColumn[j] >= 0) {
					x[r][inputColumn[j]] = clusterWeight * z;
				}
				score[r] += rankingWeight * z;
			}
			values[j] = v;
			transformed[j] = t;
			distributions.add(new Distribution(feature, n, imputed, clusterWeight, rankingWeight, rawPercentiles,
					percentiles(sortedT, PERCENTILES), lower, upper, below, above, mean, sd));
		}
		return new Prepared(rows, values, transformed, x, score, capped, List.copyOf(distributions));
	}

	/**
	 * The p-th percentile (0..100) of ascending values by linear interpolation between closest ranks: position
	 * (n − 1) × p / 100, counted from 0 (what spreadsheets' PERCENTILE.INC and numpy's default do). NaN for no values.
	 */
	public static double percentile(double[] sorted, double p) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		double position = (n - 1) * p / 100;
		int below = (int) Math.floor(position);
		int above = Math.min(n - 1, below + 1);
		double fraction = position - below;
		return sorted[below] + fraction * (sorted[above] - sorted[below]);
	}

	/** The values at each of {@code at}; none when there are no values (nobody was clustered). */
	static double[] percentiles(double[] sorted, double[] at) {
		if (sorted.length == 0) {
			return new double[0];
		}
		double[] result = new double[at.length];
		for (int i = 0; i < at.length; i++) {
			result[i] = percentile(sorted, at[i]);
		}
		return result;
	}

	/**
	 * Replaces each value by its quantile among all: (mid-rank + ½) / n with 0-based ranks, so ties share one value
	 * and the result lies strictly between 0 and 1.
	 */
	static void quantiles(double[] values) {
		int n = values.length;
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		for (int r = 0; r < n; r++) {
			int first = lowerBound(sorted, values[r]);
			int last = lowerBound(sorted, Math.nextUp(values[r])) - 1;
			values[r] = ((first + last) / 2.0 + 0.5) / n;
		}
	}

	private static int lowerBound(double[] sorted, double value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Fills the NaNs of one column as the feature's {@link Feature.Missing} says; returns how many there were. */
	private static int impute(Feature feature, double[] v, FeatureMatrix matrix, int[] rows) {
		List<Integer> missing = new ArrayList<>();
		for (int r = 0; r < v.length; r++) {
			if (Double.isNaN(v[r])) {
				missing.add(r);
			}
		}
		if (missing.isEmpty()) {
			return 0;
		}
		if (feature.missing() == Feature.Missing.NEVER) {
			throw new IllegalStateException(feature + " has no value for customer " + matrix.id(rows[missing.getFirst()]));
		}
		// every median from the observed values only, before the first missing value is filled in
		double overall = median(v, r -> true);
		Map<String, Double> byCategory = new HashMap<>();
		if (feature.missing() == Feature.Missing.MEDIAN_OF_USAGE_CATEGORY) {
			for (int r : missing) {
				String category = String.valueOf(matrix.usageCategory(rows[r]));
				byCategory.computeIfAbsent(category, c -> median(v, q -> c.equals(String.valueOf(matrix.usageCategory(rows[q])))));
			}
		}
		for (int r : missing) {
			double value = byCategory.getOrDefault(String.valueOf(matrix.usageCategory(rows[r])), Double.NaN);
			if (Double.isNaN(value)) {
				value = overall;
			}
			// no customer has a value at all: a neutral 0, which standardises to a constant column
			v[r] = Double.isNaN(value) ? 0 : value;
		}
		return missing.size();
	}

	private static double median(double[] v, IntPredicate include) {
		double[] values = new double[v.length];
		int n = 0;
		for (int r = 0; r < v.length; r++) {
			if (!Double.isNaN(v[r]) && include.test(r)) {
				values[n++] = v[r];
			}
		}
		if (n == 0) {
			return Double.NaN;
		}
		Arrays.sort(values, 0, n);
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

}
