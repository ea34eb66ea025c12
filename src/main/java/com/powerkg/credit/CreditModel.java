package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained credit model as it rates (SPEC §5, issue K): every indicator binned ({@link Bins}), the model's columns
 * ({@code used}) carrying their bin's weight of evidence, a risk score from them (higher = riskier), a probability of
 * default PD = 1 / (1 + e^−(a + b·score)) calibrated on the training customers, and grades by PD cut-offs.
 * Everything needed to score again (what-if) is in this record and stored with the run ({@link CreditModelStore}).
 *
 * @param kind         which model computes the score from the WoE columns
 * @param bins         one per {@link CreditIndicator}, in its order
 * @param used         the model's columns
 * @param coefficients for FISHER and LOGISTIC, the weight of each used column (all positive: a riskier bin never
 *                     lowers the score); empty for BOOSTED_TREES
 * @param trees        the boosted trees of BOOSTED_TREES, null otherwise
 * @param calibration  a and b of the PD calibration
 * @param cutoffs      PD upper bounds of AAA, AA, A and B; C above the last
 * @param sds          per indicator, the standard deviation of its training values (group what-ifs move by it)
 */
public record CreditModel(Kind kind, List<Bins> bins, List<CreditIndicator> used, double[] coefficients, BoostedTrees trees,
		double[] calibration, double[] cutoffs, double[] sds) {

	public static final List<String> GRADES = List.of("AAA", "AA", "A", "B", "C");

	static final int N = CreditIndicator.values().length;

	/** How the score is computed from the binned indicators. */
	public enum Kind {

		/** Fisher's linear discriminant on the WoE columns, then a logistic calibration of its score (seed 001) */
		FISHER,
		/** logistic regression on the WoE columns (smile-core), the classic scorecard */
		LOGISTIC,
		/** gradient-boosted regression trees on the WoE columns (smile-core), which can combine indicators non-linearly */
		BOOSTED_TREES

	}

	/** The WoE of every indicator's bin for raw values (NaN = missing), in indicator order. */
	public double[] woe(double[] raw) {
		double[] w = new double[N];
		for (int j = 0; j < N; j++) {
			w[j] = this.bins.get(j).woe(raw[j]);
		}
		return w;
	}

	/** The risk score: higher is riskier. */
	public double score(double[] raw) {
		return scoreOfWoe(woe(raw));
	}

	double scoreOfWoe(double[] w) {
		if (this.kind == Kind.BOOSTED_TREES) {
			double[] columns = new double[this.used.size()];
			for (int u = 0; u < columns.length; u++) {
				columns[u] = w[this.used.get(u).ordinal()];
			}
			return this.trees.score(columns);
		}
		double s = 0;
		for (int u = 0; u < this.used.size(); u++) {
			s += this.coefficients[u] * w[this.used.get(u).ordinal()];
		}
		return s;
	}

	public double probabilityOfDefault(double score) {
		return 1 / (1 + Math.exp(-(this.calibration[0] + this.calibration[1] * score)));
	}

	public String grade(double probabilityOfDefault) {
		for (int g = 0; g < this.cutoffs.length; g++) {
			if (probabilityOfDefault < this.cutoffs[g]) {
				return GRADES.get(g);
			}
		}
		return GRADES.getLast();
	}

	/** One indicator's (or one missing data block's) share of a customer's score. */
	record Effect(String code, String text, double points) {
	}

	/**
	 * What raises this customer's score: for each column of the model, the points its bin costs against the best bin
	 * (the score minus the score with that column in its best bin, adverse-action style); a missing value is measured
	 * against the average customer instead (the population's mean WoE), and the columns of one missing data block are
	 * named once, with their points summed. Largest first, only positive ones.
	 */
	List<Effect> adverse(double[] raw) {
		double[] w = woe(raw);
		double s0 = scoreOfWoe(w);
		Map<String, Effect> effects = new LinkedHashMap<>();
		for (CreditIndicator indicator : this.used) {
			int j = indicator.ordinal();
			Bins b = this.bins.get(j);
			boolean missing = Double.isNaN(raw[j]);
			double reference = missing ? b.meanWoe() : b.woe()[b.best()];
			double points = s0 - scoreWith(w, j, reference);
			if (missing) {
				var block = indicator.missingBlock();
				effects.merge(block.name(), new Effect(block.name(), block.text(), points),
						(a, c) -> new Effect(a.code(), a.text(), a.points() + c.points()));
			}
			else {
				effects.put(indicator.name(), new Effect(indicator.name(), indicator.reason(raw[j]), points));
			}
		}
		return sortedPositive(effects.values());
	}

	/**
	 * What lowers this customer's score: for each column with a value, the points it saves against the average
	 * customer (the score with that column at the population's mean WoE minus the score). Largest first, only
	 * positive ones; a missing value is never a reason to trust a customer.
	 */
	List<Effect> favourable(double[] raw) {
		double[] w = woe(raw);
		double s0 = scoreOfWoe(w);
		List<Effect> effects = new ArrayList<>();
		for (CreditIndicator indicator : this.used) {
			int j = indicator.ordinal();
			if (!Double.isNaN(raw[j])) {
				double points = scoreWith(w, j, this.bins.get(j).meanWoe()) - s0;
				effects.add(new Effect(indicator.name(), indicator.reason(raw[j]), points));
			}
		}
		return sortedPositive(effects);
	}

	private double scoreWith(double[] w, int j, double value) {
		double keep = w[j];
		if (keep == value) {
			return scoreOfWoe(w);
		}
		w[j] = value;
		double s = scoreOfWoe(w);
		w[j] = keep;
		return s;
	}

	private static List<Effect> sortedPositive(Collection<Effect> effects) {
		return effects.stream().filter(e -> e.points() > 1e-9).sorted(Comparator.comparingDouble(Effect::points).reversed()).toList();
	}

	/**
	 * Up to {@code count} reasons that explain the grade, in words. B and C first hear what raises their risk most and
	 * never a reason that lowers it; A hears what raises it, then what lowers it; AAA and AA hear what lowers it most,
	 * then what raises it.
	 */
	public List<String> reasons(double[] raw, String grade, int count) {
		List<String> reasons = new ArrayList<>();
		boolean good = grade.equals("AAA") || grade.equals("AA");
		boolean poor = grade.equals("B") || grade.equals("C");
		List<Effect> adverse = adverse(raw);
		// what lowers the risk is worked out only when it will be said (each effect costs a re-score)
		List<Effect> favourable = poor || (!good && adverse.size() >= count) ? List.of() : favourable(raw);
		for (List<Effect> part : good ? List.of(favourable, adverse) : List.of(adverse, favourable)) {
			for (Effect e : part) {
				if (reasons.size() < count) {
					reasons.add(e.code() + (part == adverse ? " raises risk: " : " lowers risk: ") + e.text());
				}
			}
		}
		if (reasons.isEmpty()) {
			reasons.add(poor ? "BASE_RATE raises risk: no indicator is worse than its best bin; the population's default rate alone gives this grade"
					: "BASE_RATE lowers risk: no indicator is worse than the average customer's");
		}
		return reasons;
	}

	/**
	 * The share of checks in which moving one column of a customer to a riskier bin (a higher WoE) lowered the score:
	 * for every row given, every column of the model and every bin with a value riskier than the row's own. A linear model
	 * with positive weights has none by construction; boosted trees may, where they meet combinations of bins unseen in
	 * training (many months late yet everything paid). A model with any would tell a customer that paying worse lowers
	 * the risk, in a what-if or a reason.
	 */
	public double monotoneViolations(List<double[]> rows) {
		long checks = 0;
		long violations = 0;
		for (double[] raw : rows) {
			double[] w = woe(raw);
			double s0 = scoreOfWoe(w);
			for (CreditIndicator indicator : this.used) {
				int j = indicator.ordinal();
				Bins b = this.bins.get(j);
				double own = w[j];
				for (int bin = 0; bin < b.size(); bin++) {
					if (b.woe()[bin] > own && b.good()[bin] + b.bad()[bin] > 0) {
						checks++;
						violations += scoreWith(w, j, b.woe()[bin]) < s0 - 1e-9 ? 1 : 0;
					}
				}
			}
		}
		return checks == 0 ? 0 : (double) violations / checks;
	}

	/**
	 * Raw values after a what-if: the indicator moves by {@code delta} raw units, within the values it can take, and
	 * so perhaps into another bin. A missing indicator stays missing (a what-if does not invent data the customer does
	 * not have): null is returned.
	 */
	public static double[] changed(double[] raw, CreditIndicator indicator, double delta) {
		int j = indicator.ordinal();
		if (Double.isNaN(raw[j])) {
			return null;
		}
		double[] copy = raw.clone();
		copy[j] = Math.min(indicator.max(), Math.max(indicator.min(), raw[j] + delta));
		return copy;
	}

	/**
	 * Raw values after a risk-factor group worsens by {@code standardDeviations}: each indicator of the group that the
	 * model uses moves that many training standard deviations in the direction its bins grow riskier, within the
	 * values it can take; indicators the customer has no data for are left missing.
	 */
	public double[] worsened(double[] raw, CreditIndicator.RiskGroup group, double standardDeviations) {
		double[] copy = raw.clone();
		for (CreditIndicator indicator : this.used) {
			int j = indicator.ordinal();
			Bins b = this.bins.get(j);
			if (indicator.group() != group || Double.isNaN(raw[j]) || b.size() < 2 || !(this.sds[j] > 0)) {
				continue;
			}
			double moved = raw[j] + b.direction() * standardDeviations * this.sds[j];
			copy[j] = Math.min(indicator.max(), Math.max(indicator.min(), moved));
		}
		return copy;
	}

	/**
	 * Fisher's two-class discriminant direction α = S_w⁻¹ (μ₁ − μ₀), S_w the pooled within-class scatter, scaled to
	 * unit length. Pure Java: smile-core's {@code FLD} and {@code LDA} need the native OpenBLAS library, which a fresh
	 * machine does not have (a test compares both where it is installed). A ridge of 1e-6 × the mean diagonal keeps
	 * S_w invertible when columns are collinear.
	 */
	static final class Fisher {

		private Fisher() {
		}

		static double[] direction(double[][] z, int[] y) {
			int n = z.length;
			int m = n == 0 ? 0 : z[0].length;
			double[][] mean = new double[2][m];
			int[] count = new int[2];
			for (int i = 0; i < n; i++) {
				count[y[i]]++;
				for (int j = 0; j < m; j++) {
					mean[y[i]][j] += z[i][j];
				}
			}
			if (count[0] == 0 || count[1] == 0) {
				throw new IllegalArgumentException("both classes are needed to train: " + count[1] + " defaulted, " + count[0] + " did not");
			}
			for (int c = 0; c < 2; c++) {
				for (int j = 0; j < m; j++) {
					mean[c][j] /= count[c];
				}
			}
			double[][] scatter = new double[m][m];
			for (int i = 0; i < n; i++) {
				double[] mu = mean[y[i]];
				for (int j = 0; j < m; j++) {
					double dj = z[i][j] - mu[j];
					for (int k = j; k < m; k++) {
						scatter[j][k] += dj * (z[i][k] - mu[k]);
					}
				}
			}
			double trace = 0;
			for (int j = 0; j < m; j++) {
				for (int k = 0; k < j; k++) {
					scatter[j][k] = scatter[k][j];
				}
				trace += scatter[j][j];
			}
			double ridge = 1e-6 * Math.max(trace / Math.max(m, 1), 1e-12);
			double[] difference = new double[m];
			for (int j = 0; j < m; j++) {
				scatter[j][j] += ridge;
				difference[j] = mean[1][j] - mean[0][j];
			}
			double[] w = solve(scatter, difference);
			double norm = Math.sqrt(Arrays.stream(w).map(v -> v * v).sum());
			if (norm > 0) {
				for (int j = 0; j < m; j++) {
					w[j] /= norm;
				}
			}
			return w;
		}

		/** Gaussian elimination with partial pivoting (the matrix is small: one row per indicator). */
		static double[] solve(double[][] a, double[] b) {
			int m = b.length;
			double[][] x = new double[m][];
			for (int i = 0; i < m; i++) {
				x[i] = Arrays.copyOf(a[i], m + 1);
				x[i][m] = b[i];
			}
			for (int col = 0; col < m; col++) {
				int pivot = col;
				for (int r = col + 1; r < m; r++) {
					if (Math.abs(x[r][col]) > Math.abs(x[pivot][col])) {
						pivot = r;
					}
				}
				double[] t = x[col];
				x[col] = x[pivot];
				x[pivot] = t;
				for (int r = col + 1; r < m; r++) {
					double f = x[r][col] / x[col][col];
					for (int c = col; c <= m; c++) {
						x[r][c] -= f * x[col][c];
					}
				}
			}
			double[] solution = new double[m];
			for (int r = m - 1; r >= 0; r--) {
				double s = x[r][m];
				for (int c = r + 1; c < m; c++) {
					s -= x[r][c] * solution[c];
				}
				solution[r] = s / x[r][r];
			}
			return solution;
		}

	}

	/** PD = 1 / (1 + e^-(a + b·score)): a logistic fit of one score by Newton's method, with a tiny ridge on b. */
	static final class Calibration {

		private Calibration() {
		}

		static double[] fit(double[] score, int[] y) {
			double a = 0;
			double b = 0;
			for (int iteration = 0; iteration < 50; iteration++) {
				double g0 = 0;
				double g1 = 0;
				double h00 = 1e-9;
				double h01 = 0;
				double h11 = 1e-6;
				for (int i = 0; i < score.length; i++) {
					double p = 1 / (1 + Math.exp(-(a + b * score[i])));
					double w = p * (1 - p);
					double r = y[i] - p;
					g0 += r;
					g1 += r * score[i];
					h00 += w;
					h01 += w * score[i];
					h11 += w * score[i] * score[i];
				}
				g1 -= 1e-6 * b;
				double det = h00 * h11 - h01 * h01;
				double da = (h11 * g0 - h01 * g1) / det;
				double db = (h00 * g1 - h01 * g0) / det;
				a += da;
				b += db;
				if (Math.abs(da) + Math.abs(db) < 1e-10) {
					break;
				}
			}
			return new double[] {a, b};
		}

	}

}
