package com.powerkg.credit;

import java.util.Arrays;
import java.util.List;

/**
 * The bins of one indicator ({@link Binning}): {@code cuts} c₁ < … < c_{k−1} split the values into k bins, bin i
 * holding [c_i, c_{i+1}) with c₀ = −∞ and c_k = +∞, each cut halfway between the largest training value of one bin
 * and the smallest of the next; then the missing bin. Arrays {@code woe}, {@code good} and {@code bad} have k + 1
 * entries, the missing bin last.
 *
 * @param direction +1 when the default rate rises with the value, -1 when it falls
 */
public record Bins(CreditIndicator indicator, double[] cuts, double[] woe, long[] good, long[] bad, int direction,
		double informationValue) {

	static Bins of(CreditIndicator indicator, List<Binning.Group> groups, int direction, long missingGood, long missingBad,
			long totalGood, long totalBad, int minMissingRows) {
		if (groups.isEmpty()) {
			groups = List.of(new Binning.Group(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0));
		}
		int k = groups.size();
		double[] cuts = new double[k - 1];
		double[] woe = new double[k + 1];
		long[] good = new long[k + 1];
		long[] bad = new long[k + 1];
		double iv = 0;
		for (int i = 0; i < k; i++) {
			Binning.Group g = groups.get(i);
			if (i < k - 1) {
				cuts[i] = (g.max() + groups.get(i + 1).min()) / 2;
			}
			good[i] = g.good();
			bad[i] = g.bad();
			woe[i] = g.rows() == 0 ? 0 : Binning.woe(g.bad(), g.good(), totalBad, totalGood);
			iv += g.rows() == 0 ? 0 : (Binning.share(g.bad(), totalBad) - Binning.share(g.good(), totalGood)) * woe[i];
		}
		good[k] = missingGood;
		bad[k] = missingBad;
		if (missingGood + missingBad >= Math.max(1, minMissingRows)) {
			woe[k] = Binning.woe(missingBad, missingGood, totalBad, totalGood);
			iv += (Binning.share(missingBad, totalBad) - Binning.share(missingGood, totalGood)) * woe[k];
		}
		return new Bins(indicator, cuts, woe, good, bad, direction, iv);
	}

	/** Bins with a value (the missing bin not counted). */
	public int size() {
		return this.cuts.length + 1;
	}

	/** The missing bin's index. */
	public int missing() {
		return size();
	}

	/** The bin a raw value falls in; NaN falls in the missing bin. */
	public int bin(double value) {
		if (Double.isNaN(value)) {
			return missing();
		}
		int i = Arrays.binarySearch(this.cuts, value);
		// a value on a cut belongs to the bin above it
		return i >= 0 ? i + 1 : -i - 1;
	}

	public double woe(double value) {
		return this.woe[bin(value)];
	}

	/**
	 * The bin with a value and training rows that has the lowest WoE: what a customer's value is measured against in
	 * adverse-action reasons.
	 */
	public int best() {
		int best = 0;
		for (int i = 0; i < size(); i++) {
			if (this.good[i] + this.bad[i] > 0 && this.woe[i] < this.woe[best]) {
				best = i;
			}
		}
		return best;
	}

	/** The training rows' mean WoE: the average customer, whom a missing value is measured against. */
	public double meanWoe() {
		double sum = 0;
		long rows = 0;
		for (int i = 0; i <= size(); i++) {
			sum += (this.good[i] + this.bad[i]) * this.woe[i];
			rows += this.good[i] + this.bad[i];
		}
		return rows == 0 ? 0 : sum / rows;
	}

	/** Lower bound of bin i (−∞ for the first), for showing the bins. */
	public double from(int i) {
		return i == 0 ? Double.NEGATIVE_INFINITY : this.cuts[i - 1];
	}

	/** Upper bound (exclusive) of bin i (+∞ for the last). */
	public double to(int i) {
		return i == size() - 1 ? Double.POSITIVE_INFINITY : this.cuts[i];
	}

	/** Training rows per bin, the missing bin last. */
	public long[] rows() {
		long[] rows = new long[this.good.length];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = this.good[i] + this.bad[i];
		}
		return rows;
	}

	/** Rows of a population per bin, the missing bin last. */
	public long[] count(double[] values) {
		long[] counts = new long[size() + 1];
		for (double v : values) {
			counts[bin(v)]++;
		}
		return counts;
	}

}
