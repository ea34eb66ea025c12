package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import smile.classification.LogisticRegression;

/**
 * Fits the credit models of issue K on training rows of raw indicators (NaN = missing) and labels (1 = defaulted):
 * every indicator binned with weight of evidence ({@link Binning}), the indicators informative enough kept as
 * columns, then a model on those WoE columns, calibrated to a probability of default on the same rows.
 */
final class CreditTraining {

	/**
	 * @param binning        how indicators are binned
	 * @param minimumIv      an indicator with a smaller information value does not enter the models (0.02: "useless")
	 * @param logisticLambda L2 penalty of the logistic regression
	 * @param boosting       the boosted trees' settings
	 * @param seed           the boosted trees' random seed and row sample
	 */
	record Settings(Binning.Settings binning, double minimumIv, double logisticLambda, BoostedTrees.Settings boosting, long seed) {

		static final Settings DEFAULTS = new Settings(Binning.Settings.DEFAULTS, 0.02, 1.0, BoostedTrees.Settings.DEFAULTS, 42);

	}

	private CreditTraining() {
	}

	/** The bins of every indicator, in indicator order. */
	static List<Bins> bins(List<double[]> raw, int[] defaulted, Binning.Settings settings) {
		List<Bins> bins = new ArrayList<>();
		for (CreditIndicator indicator : CreditIndicator.values()) {
			double[] values = column(raw, indicator.ordinal());
			bins.add(Binning.fit(indicator, values, defaulted, indicator.riskDirection(), settings));
		}
		return bins;
	}

	/** Standard deviation of each indicator's observed training values (NaN when none). */
	static double[] sds(List<double[]> raw) {
		double[] sds = new double[CreditModel.N];
		for (int j = 0; j < sds.length; j++) {
			double[] v = Arrays.stream(column(raw, j)).filter(x -> !Double.isNaN(x)).toArray();
			double mean = Arrays.stream(v).average().orElse(Double.NaN);
			sds[j] = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(Double.NaN));
		}
		return sds;
	}

	/** Indicators that may enter a model: information value at least the minimum, and more than one WoE in training. */
	static List<CreditIndicator> candidates(List<Bins> bins, double minimumIv) {
		List<CreditIndicator> candidates = new ArrayList<>();
		for (Bins b : bins) {
			long[] rows = b.rows();
			double first = Double.NaN;
			boolean varies = false;
			for (int i = 0; i < rows.length; i++) {
				if (rows[i] > 0) {
					varies |= !Double.isNaN(first) && b.woe()[i] != first;
					first = Double.isNaN(first) ? b.woe()[i] : first;
				}
			}
			if (varies && b.informationValue() >= minimumIv) {
				candidates.add(b.indicator());
			}
		}
		return candidates;
	}

	/** Rows of WoE, one column per indicator in indicator order. */
	static double[][] woe(List<Bins> bins, List<double[]> raw) {
		double[][] w = new double[raw.size()][CreditModel.N];
		for (int i = 0; i < w.length; i++) {
			double[] r = raw.get(i);
			for (int j = 0; j < CreditModel.N; j++) {
				w[i][j] = bins.get(j).woe(r[j]);
			}
		}
		return w;
	}

	/**
	 * One model on the candidate columns. FISHER and LOGISTIC keep only columns with a positive weight: a column whose
	 * weight comes out negative (a riskier bin lowering the score, which happens among correlated indicators) is
	 * dropped, the weakest first, and the model refitted, so every reason and every what-if goes the plain way.
	 */
	static CreditModel fit(CreditModel.Kind kind, List<Bins> bins, double[][] woe, int[] defaulted, List<CreditIndicator> candidates,
			double[] cutoffs, double[] sds, Settings settings) {
		if (candidates.isEmpty()) {
			throw new IllegalStateException("no indicator separates defaulters from the others (every information value is below "
					+ settings.minimumIv() + ")");
		}
		if (kind == CreditModel.Kind.BOOSTED_TREES) {
			return boosted(bins, woe, defaulted, candidates, cutoffs, sds, settings);
		}
		List<CreditIndicator> columns = new ArrayList<>(candidates);
		while (true) {
			double[][] x = select(woe, columns);
			double[] coefficients = kind == CreditModel.Kind.FISHER ? fisher(x, defaulted) : logistic(x, defaulted, settings.logisticLambda());
			int weakest = 0;
			for (int u = 1; u < coefficients.length; u++) {
				if (coefficients[u] < coefficients[weakest]) {
					weakest = u;
				}
			}
			if (coefficients[weakest] > 0) {
				double[] scores = new double[x.length];
				for (int i = 0; i < x.length; i++) {
					for (int u = 0; u < coefficients.length; u++) {
						scores[i] += coefficients[u] * x[i][u];
					}
				}
				return new CreditModel(kind, bins, List.copyOf(columns), coefficients, null,
						CreditModel.Calibration.fit(scores, defaulted), cutoffs, sds);
			}
			columns.remove(weakest);
			if (columns.isEmpty()) {
				throw new IllegalStateException("no indicator keeps a positive weight in the " + kind + " model");
			}
		}
	}

	/** Fisher's direction on standardised columns, oriented so defaulters score higher, per unstandardised WoE unit. */
	static double[] fisher(double[][] x, int[] defaulted) {
		int n = x.length;
		int m = x[0].length;
		double[] mean = new double[m];
		double[] sd = new double[m];
		for (double[] row : x) {
			for (int u = 0; u < m; u++) {
				mean[u] += row[u] / n;
			}
		}
		for (double[] row : x) {
			for (int u = 0; u < m; u++) {
				sd[u] += (row[u] - mean[u]) * (row[u] - mean[u]) / n;
			}
		}
		double[][] z = new double[n][m];
		for (int i = 0; i < n; i++) {
			for (int u = 0; u < m; u++) {
				z[i][u] = sd[u] > 0 ? (x[i][u] - mean[u]) / Math.sqrt(sd[u]) : 0;
			}
		}
		double[] w = CreditModel.Fisher.direction(z, defaulted);
		double[] coefficients = new double[m];
		for (int u = 0; u < m; u++) {
			coefficients[u] = sd[u] > 0 ? w[u] / Math.sqrt(sd[u]) : 0;
		}
		double bad = 0;
		double good = 0;
		int bads = 0;
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int u = 0; u < m; u++) {
				s += coefficients[u] * x[i][u];
			}
			if (defaulted[i] == 1) {
				bad += s;
				bads++;
			}
			else {
				good += s;
			}
		}
		if (bad / Math.max(bads, 1) < good / Math.max(n - bads, 1)) {
			for (int u = 0; u < m; u++) {
				coefficients[u] = -coefficients[u];
			}
		}
		return coefficients;
	}

	/** smile-core's logistic regression (L-BFGS, pure Java); the intercept goes into the calibration. */
	static double[] logistic(double[][] x, int[] defaulted, double lambda) {
		var model = LogisticRegression.binomial(x, defaulted, new LogisticRegression.Options(lambda, 1e-6, 500));
		double[] all = model.coefficients();
		return Arrays.copyOf(all, x[0].length);
	}

	/**
	 * The trees learn from three quarters of the training rows (at most {@code sampleRows} of them) and are calibrated
	 * on the other quarter: calibrated on the rows they learnt from, their probabilities would be as sure of themselves
	 * as trees are of their own training data.
	 */
	private static CreditModel boosted(List<Bins> bins, double[][] woe, int[] defaulted, List<CreditIndicator> columns,
			double[] cutoffs, double[] sds, Settings settings) {
		double[][] x = select(woe, columns);
		var random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
		List<Integer> learn = new ArrayList<>();
		List<Integer> calibrate = new ArrayList<>();
		for (int i = 0; i < x.length; i++) {
			(random.nextDouble() < CALIBRATION_SHARE ? calibrate : learn).add(i);
		}
		int[] sample = sample(learn.size(), settings.boosting().sampleRows(), settings.seed());
		double[][] sx = new double[sample.length][];
		int[] sy = new int[sample.length];
		for (int k = 0; k < sample.length; k++) {
			sx[k] = x[learn.get(sample[k])];
			sy[k] = defaulted[learn.get(sample[k])];
		}
		BoostedTrees trees = BoostedTrees.fit(sx, sy, settings.boosting(), settings.seed());
		double[] scores = new double[calibrate.size()];
		int[] y = new int[calibrate.size()];
		for (int k = 0; k < scores.length; k++) {
			scores[k] = trees.score(x[calibrate.get(k)]);
			y[k] = defaulted[calibrate.get(k)];
		}
		return new CreditModel(CreditModel.Kind.BOOSTED_TREES, bins, List.copyOf(columns), new double[0], trees,
				CreditModel.Calibration.fit(scores, y), cutoffs, sds);
	}

	/** Share of the training rows the boosted trees keep aside for their calibration. */
	static final double CALIBRATION_SHARE = 0.25;

	/** Rows the boosted trees learn from: three quarters of the training rows, at most {@code sampleRows}. */
	static int boostingRows(int trainingRows, int sampleRows) {
		return Math.min(sampleRows, (int) Math.round(trainingRows * (1 - CALIBRATION_SHARE)));
	}

	/** Row indices: all of them, or a deterministic sample of about {@code max} rows. */
	static int[] sample(int n, int max, long seed) {
		if (n <= max) {
			return IntStream.range(0, n).toArray();
		}
		var random = new SplittableRandom(seed);
		double keep = (double) max / n;
		return IntStream.range(0, n).filter(i -> random.nextDouble() < keep).toArray();
	}

	static double[][] select(double[][] woe, List<CreditIndicator> columns) {
		double[][] x = new double[woe.length][columns.size()];
		for (int i = 0; i < woe.length; i++) {
			for (int u = 0; u < columns.size(); u++) {
				x[i][u] = woe[i][columns.get(u).ordinal()];
			}
		}
		return x;
	}

	static double[] column(List<double[]> raw, int j) {
		double[] values = new double[raw.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = raw.get(i)[j];
		}
		return values;
	}

}
