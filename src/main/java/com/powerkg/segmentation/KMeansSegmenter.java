package com.powerkg.segmentation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * K-Means (smile-core) on one dimension's prepared features, the silhouette, and the rank rule of naming: clusters
 * ordered by a score (highest first) are spread over the dimension's levels. The names are then checked against
 * absolute anchors by {@link LevelNaming}.
 */
public final class KMeansSegmenter {

	/** A clustering: each row's cluster, the centroids (standardised units) and its within-cluster sum of squares. */
	public record Clusters(int k, int[] labels, double[][] centroids, double withinClusterSumOfSquares) {
	}

	private KMeansSegmenter() {
	}

	/**
	 * The best of {@code restarts} K-Means fits (k-means++ seeding from {@code seed}, {@code seed + 1}, ...), by
	 * within-cluster sum of squares. Asks for fewer clusters when there are fewer distinct rows than {@code k}.
	 */
	public static Clusters fit(double[][] x, int k, long seed, int restarts, int maxIterations) {
		if (x.length == 0) {
			throw new IllegalArgumentException("no rows to cluster");
		}
		int clusters = Math.min(k, distinctRows(x, k));
		if (clusters < 2) {
			int[] labels = new int[x.length];
			double[][] centroid = {mean(x)};
			return new Clusters(1, labels, centroid, sumOfSquares(x, labels, centroid));
		}
		Clusters best = null;
		for (int r = 0; r < restarts; r++) {
			MathEx.setSeed(seed + r);
			var fit = KMeans.fit(x, new Clustering.Options(clusters, maxIterations));
			double[][] centroids = fit.centers();
			int[] labels = fit.group().clone();
			var candidate = new Clusters(fit.k(), labels, centroids, sumOfSquares(x, labels, centroids));
			if (best == null || candidate.withinClusterSumOfSquares() < best.withinClusterSumOfSquares()) {
				best = candidate;
			}
		}
		return best;
	}

	/**
	 * Mean silhouette over a random sample of at most {@code sample} rows (all rows when there are fewer), computed
	 * within the sample: s = (b - a) / max(a, b) with a the mean distance to the own cluster and b the smallest mean
	 * distance to another cluster; 0 for a row alone in its cluster.
	 */
	public static double silhouette(double[][] x, int[] labels, int k, int sample, long seed) {
		int[] rows = sample(x.length, sample, seed);
		double total = 0;
		for (int i : rows) {
			double[] sum = new double[k];
			int[] count = new int[k];
			for (int j : rows) {
				if (j != i) {
					sum[labels[j]] += Math.sqrt(squaredDistance(x[i], x[j]));
					count[labels[j]]++;
				}
			}
			int own = labels[i];
			if (count[own] == 0) {
				continue;
			}
			double a = sum[own] / count[own];
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				if (c != own && count[c] > 0) {
					b = Math.min(b, sum[c] / count[c]);
				}
			}
			if (b == Double.POSITIVE_INFINITY) {
				continue;
			}
			double denominator = Math.max(a, b);
			total += denominator > 0 ? (b - a) / denominator : 0;
		}
		return rows.length == 0 ? 0 : total / rows.length;
	}

	/**
	 * Level index (0 = the dimension's first level) of each cluster. With as many clusters as levels the order is
	 * the level order; with another k (chosen automatically) the ordered clusters are spread evenly over the levels:
	 * rank r of k goes to level round(r × (levels - 1) / (k - 1)). A single cluster gets the middle level.
	 */
	public static int[] levelsOfClusters(double[][] centroids, double[] rankingWeights, int levels) {
		int k = centroids.length;
		Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -score(centroids[c], rankingWeights)).thenComparingInt(c -> c));
		int[] level = new int[k];
		for (int rank = 0; rank < k; rank++) {
			// one cluster (the customers do not differ in this dimension): the middle level, not the top one
			level[order[rank]] = (k == 1) ? (levels - 1) / 2 : (int) Math.round(rank * (levels - 1) / (double) (k - 1));
		}
		return level;
	}

	static double score(double[] centroid, double[] weights) {
		double s = 0;
		for (int j = 0; j < centroid.length; j++) {
			s += weights[j] * centroid[j];
		}
		return s;
	}

	static double squaredDistance(double[] a, double[] b) {
		double d = 0;
		for (int j = 0; j < a.length; j++) {
			double diff = a[j] - b[j];
			d += diff * diff;
		}
		return d;
	}

	private static double sumOfSquares(double[][] x, int[] labels, double[][] centroids) {
		double total = 0;
		for (int i = 0; i < x.length; i++) {
			total += squaredDistance(x[i], centroids[labels[i]]);
		}
		return total;
	}

	private static double[] mean(double[][] x) {
		double[] m = new double[x[0].length];
		for (double[] row : x) {
			for (int j = 0; j < m.length; j++) {
				m[j] += row[j] / x.length;
			}
		}
		return m;
	}

	/** Number of distinct rows, counting no further than {@code atLeast}. */
	private static int distinctRows(double[][] x, int atLeast) {
		Set<List<Double>> seen = new HashSet<>();
		for (double[] row : x) {
			seen.add(Arrays.stream(row).boxed().toList());
			if (seen.size() >= atLeast) {
				break;
			}
		}
		return seen.size();
	}

	private static int[] sample(int n, int size, long seed) {
		if (n <= size) {
			return IntStream.range(0, n).toArray();
		}
		// partial Fisher-Yates over the indices: the same seed always draws the same customers
		int[] all = IntStream.range(0, n).toArray();
		Random random = new Random(seed);
		for (int i = 0; i < size; i++) {
			int j = i + random.nextInt(n - i);
			int t = all[i];
			all[i] = all[j];
			all[j] = t;
		}
		int[] picked = Arrays.copyOf(all, size);
		Arrays.sort(picked);
		return picked;
	}

}
