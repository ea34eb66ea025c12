package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Names a dimension's clusters. First by rank: clusters ordered by their ranking score (the dimension's defining
 * feature, see {@link Feature#rankingWeight()}), the best one gets the first level, and with another k than the
 * paper's the ranks are spread evenly over the levels ({@link KMeansSegmenter#levelsOfClusters}). Then every name is
 * checked against an absolute anchor on the cluster's centroid, because a rank alone names relatively: on real data a
 * STEADY_GROWTH level whose median customer fell 2 % and a STABLE level that fell 40 % both had the right rank.
 *
 * <table>
 * <caption>Anchors (g = centroid 12-month growth as a change, e^x − 1; band = {@code stable-growth-band}, 10 %)</caption>
 * <tr><th>dimension</th><th>level</th><th>its centroid must have</th></tr>
 * <tr><td>growth</td><td>FAST_GROWTH</td><td>g above +band</td></tr>
 * <tr><td>growth</td><td>STEADY_GROWTH</td><td>g above 0</td></tr>
 * <tr><td>growth</td><td>STABLE</td><td>g within ±band</td></tr>
 * <tr><td>growth</td><td>DECLINING</td><td>g below 0</td></tr>
 * <tr><td>revenue, social</td><td>HIGH / LOW</td><td>a ranking score above / below the customers' average</td></tr>
 * <tr><td>arrears</td><td>HIGH</td><td>overdue bills above 0 and a ranking score above the average</td></tr>
 * <tr><td>arrears</td><td>MEDIUM</td><td>overdue bills above 0</td></tr>
 * </table>
 * A MEDIUM and LOW arrears level, and a revenue or social MEDIUM, hold for any centroid. A cluster whose rank name
 * fails its anchor is not named so anyway: it gets the nearest level (in level order) whose anchor holds, on a tie
 * the one nearer the neutral level (STABLE, MEDIUM), and the run says so ({@link Decision#renamed()}). Names stay in
 * rank order: a cluster never gets a higher level than a better-ranked one. Several clusters may share a level and a
 * level may stay empty.
 */
public final class LevelNaming {

	private LevelNaming() {
	}

	/**
	 * What naming needs of one cluster.
	 *
	 * @param centroid mean raw value of each of the dimension's features ({@link Dimension#features()} order), original units
	 * @param score    mean ranking score of its customers (standardised units: 0 is the clustered customers' average)
	 */
	public record Cluster(long customers, double score, double[] centroid) {
	}

	/**
	 * How one cluster was named.
	 *
	 * @param rank       0 = the best ranked cluster
	 * @param positional the level its rank gives
	 * @param level      the level it got
	 * @param holds      whether the positional level's anchor holds for it
	 * @param anchor     the positional level's anchor, e.g. "centroid growth above 0 %"
	 * @param value      the anchored figure of the cluster (growth as a change, overdue bills, or ranking score)
	 */
	public record Decision(int cluster, int rank, String positional, String level, boolean holds, String anchor, double value) {

		public boolean renamed() {
			return !this.positional.equals(this.level);
		}

	}

	/** @param levelOfCluster per cluster id, the index of its level in {@link Dimension#levels()} */
	public record Naming(int[] levelOfCluster, List<Decision> decisions) {

		public boolean namesHold() {
			return this.decisions.stream().noneMatch(Decision::renamed);
		}

	}

	/** An anchor's verdict on one cluster for one level. */
	record Anchor(boolean holds, String rule, double value) {
	}

	/**
	 * @param growth the growth feature that defines the growth levels of the run (GROWTH_12M, or GROWTH_3M)
	 * @param band   {@code stable-growth-band}: growth within ±band is stable, above it fast
	 */
	public static Naming name(Dimension dimension, Feature growth, List<Cluster> clusters, double band) {
		int k = clusters.size();
		int levels = dimension.levels().size();
		double[][] scores = new double[k][];
		for (int c = 0; c < k; c++) {
			scores[c] = new double[] {clusters.get(c).score()};
		}
		int[] positional = KMeansSegmenter.levelsOfClusters(scores, new double[] {1}, levels);
		Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -clusters.get(c).score()).thenComparingInt(c -> c));
		int neutral = (dimension == Dimension.GROWTH_POTENTIAL) ? dimension.levels().indexOf("STABLE") : (levels - 1) / 2;
		int[] level = new int[k];
		List<Decision> decisions = new ArrayList<>(k);
		int floor = 0;
		for (int rank = 0; rank < k; rank++) {
			int c = order[rank];
			Cluster cluster = clusters.get(c);
			Anchor own = anchor(dimension, growth, positional[c], cluster, band);
			int chosen = positional[c];
			if (!own.holds()) {
				int best = -1;
				for (int candidate = 0; candidate < levels; candidate++) {
					if (!anchor(dimension, growth, candidate, cluster, band).holds()) {
						continue;
					}
					if (best < 0 || closer(candidate, best, positional[c], neutral)) {
						best = candidate;
					}
				}
				chosen = (best < 0) ? positional[c] : best;
			}
			// never above a better-ranked cluster's level
			chosen = Math.max(chosen, floor);
			floor = chosen;
			level[c] = chosen;
			decisions.add(new Decision(c, rank, dimension.levels().get(positional[c]), dimension.levels().get(chosen), own.holds(),
					own.rule(), own.value()));
		}
		return new Naming(level, List.copyOf(decisions));
	}

	private static boolean closer(int candidate, int best, int positional, int neutral) {
		int d1 = Math.abs(candidate - positional);
		int d2 = Math.abs(best - positional);
		return d1 < d2 || (d1 == d2 && Math.abs(candidate - neutral) < Math.abs(best - neutral));
	}

	/** The anchor of {@code level} (an index into the dimension's levels) applied to a cluster. */
	static Anchor anchor(Dimension dimension, Feature growth, int level, Cluster cluster, double band) {
		String name = dimension.levels().get(level);
		return switch (dimension) {
			case GROWTH_POTENTIAL -> {
				double g = Math.expm1(cluster.centroid()[dimension.features().indexOf(growth)]);
				String b = percent(band);
				yield switch (name) {
					case "FAST_GROWTH" -> new Anchor(g > band, "centroid growth above +" + b, g);
					case "STEADY_GROWTH" -> new Anchor(g > 0, "centroid growth above 0 %", g);
					case "STABLE" -> new Anchor(Math.abs(g) <= band, "centroid growth within ±" + b, g);
					default -> new Anchor(g < 0, "centroid growth below 0 %", g);
				};
			}
			case ARREARS_RISK -> {
				double overdue = cluster.centroid()[dimension.features().indexOf(Feature.OVERDUE_BILLS)];
				yield switch (name) {
					case "HIGH" -> new Anchor(overdue > 0 && cluster.score() > 0,
							"overdue bills per customer above 0 and a ranking score above the average", overdue);
					case "MEDIUM" -> new Anchor(overdue > 0, "overdue bills per customer above 0", overdue);
					default -> new Anchor(true, "none", overdue);
				};
			}
			default -> switch (name) {
				case "HIGH" -> new Anchor(cluster.score() > 0, "a ranking score above the average", cluster.score());
				case "LOW" -> new Anchor(cluster.score() < 0, "a ranking score below the average", cluster.score());
				default -> new Anchor(true, "none", cluster.score());
			};
		};
	}

	static String percent(double change) {
		return String.format(Locale.ROOT, "%.0f %%", 100 * change);
	}

}
