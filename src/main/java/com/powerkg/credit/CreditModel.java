package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The credit model of SPEC §5: a Fisher linear discriminant Z = Σ αᵢ Xᵢ over the standardised indicators and
 * missing-flags ({@link Fisher}), oriented so that a higher Z means a higher risk, then a logistic
 * calibration PD = 1 / (1 + e^-(a + b·Z)) fitted on the same training rows, then grades by PD cut-offs.
 * Everything needed to score again (what-if) is in this record and stored on the run.
 *
 * @param columns       the indicators, then the missing-flags
 * @param imputed       per indicator, the raw value a missing one takes: the mean of the observed training values
 * @param means         per column, the training mean after transform (for standardising)
 * @param sds           per column, the training standard deviation (0 = constant column, contributes nothing)
 * @param coefficients  α per standardised column
 * @param calibration   a and b of the logistic calibration
 * @param cutoffs       PD upper bounds of AAA, AA, A and B; C above the last
 */
public record CreditModel(List<String> columns, double[] imputed, double[] means, double[] sds, double[] coefficients,
		double[] calibration, double[] cutoffs) {

	public static final List<String> GRADES = List.of("AAA", "AA", "A", "B", "C");

	static final List<CreditIndicator> INDICATORS = List.of(CreditIndicator.values());

	static final List<String> FLAGS = List.copyOf(new LinkedHashSet<>(INDICATORS.stream()
		.map(CreditIndicator::missingFlag).filter(java.util.Objects::nonNull).toList()));

	/** The model a run stored ({@code credit*} properties), or null when the run trained none. */
	@SuppressWarnings("unchecked")
	public static CreditModel fromRun(java.util.Map<String, Object> run) {
		if (run.get("creditCoefficients") == null) {
			return null;
		}
		java.util.function.Function<String, double[]> doubles = key -> ((List<Number>) run.get(key)).stream()
			.mapToDouble(Number::doubleValue).toArray();
		List<String> columns = (List<String>) run.get("creditColumns");
		if (!columns.equals(columnNames())) {
			throw new IllegalStateException("the stored credit model has columns " + columns + ", this version expects "
					+ columnNames() + ": run analyze again");
		}
		return new CreditModel(columns, doubles.apply("creditImputed"), doubles.apply("creditMeans"), doubles.apply("creditSds"),
				doubles.apply("creditCoefficients"), doubles.apply("creditCalibration"), doubles.apply("creditCutoffs"));
	}

	static List<String> columnNames() {
		List<String> names = new ArrayList<>(INDICATORS.stream().map(Enum::name).toList());
		names.addAll(FLAGS);
		return names;
	}

	/** Which linear model weighs the standardised columns. */
	public enum Kind {

		/** Fisher's linear discriminant, then a logistic calibration of its score (seed 001) */
		FISHER,
		/** logistic regression on all columns at once (L2 penalty 1), the usual scorecard baseline */
		LOGISTIC

	}

	/** Fits the seed's model (Fisher discriminant + calibration) on raw indicator rows (NaN = missing), 1 = defaulted. */
	public static CreditModel train(List<double[]> raw, int[] defaulted, double[] cutoffs) {
		return train(Kind.FISHER, raw, defaulted, cutoffs);
	}

	public static CreditModel train(Kind kind, List<double[]> raw, int[] defaulted, double[] cutoffs) {
		Prepared d = Prepared.of(raw);
		int m = d.columns().size();
		double[] coefficients = new double[m];
		if (kind == Kind.LOGISTIC) {
			double[] beta = Logistic.fitMany(d.z(), defaulted, 1.0);
			for (int u = 0; u < d.used().length; u++) {
				coefficients[d.used()[u]] = beta[u + 1];
			}
			return new CreditModel(d.columns(), d.imputed(), d.means(), d.sds(), coefficients, new double[] {beta[0], 1}, cutoffs);
		}
		double[] direction = Fisher.direction(d.z(), defaulted);
		for (int u = 0; u < d.used().length; u++) {
			coefficients[d.used()[u]] = direction[u];
		}
		var partial = new CreditModel(d.columns(), d.imputed(), d.means(), d.sds(), coefficients, new double[] {0, 1}, cutoffs);
		double[] scores = raw.stream().mapToDouble(partial::score).toArray();
		if (mean(scores, defaulted, 1) < mean(scores, defaulted, 0)) {
			for (int j = 0; j < m; j++) {
				coefficients[j] = -coefficients[j];
			}
			for (int i = 0; i < scores.length; i++) {
				scores[i] = -scores[i];
			}
		}
		return new CreditModel(d.columns(), d.imputed(), d.means(), d.sds(), coefficients, Logistic.calibrate(scores, defaulted), cutoffs);
	}

	/**
	 * Training rows made ready for a linear model: missing values imputed with the observed training means, flags,
	 * log1p, then standardised; constant columns (e.g. no enterprise in the training data) are left out ({@code used}
	 * lists the columns kept).
	 */
	private record Prepared(List<String> columns, double[] imputed, double[] means, double[] sds, int[] used, double[][] z) {

		static Prepared of(List<double[]> raw) {
			int n = raw.size();
			int p = INDICATORS.size();
			double[] imputed = new double[p];
			for (int j = 0; j < p; j++) {
				int jj = j;
				imputed[j] = raw.stream().mapToDouble(r -> r[jj]).filter(v -> !Double.isNaN(v)).average().orElse(0);
			}
			List<String> columns = columnNames();
			double[][] x = new double[n][];
			for (int i = 0; i < n; i++) {
				x[i] = design(raw.get(i), imputed);
			}
			int m = columns.size();
			double[] means = new double[m];
			double[] sds = new double[m];
			for (int j = 0; j < m; j++) {
				for (double[] row : x) {
					means[j] += row[j] / n;
				}
				for (double[] row : x) {
					sds[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
				}
				sds[j] = Math.sqrt(sds[j]);
			}
			int[] used = java.util.stream.IntStream.range(0, m).filter(j -> sds[j] > 1e-12).toArray();
			double[][] z = new double[n][used.length];
			for (int i = 0; i < n; i++) {
				for (int u = 0; u < used.length; u++) {
					z[i][u] = (x[i][used[u]] - means[used[u]]) / sds[used[u]];
				}
			}
			return new Prepared(columns, imputed, means, sds, used, z);
		}

	}

	private static double mean(double[] scores, int[] labels, int label) {
		double sum = 0;
		int count = 0;
		for (int i = 0; i < scores.length; i++) {
			if (labels[i] == label) {
				sum += scores[i];
				count++;
			}
		}
		return count == 0 ? 0 : sum / count;
	}

	/** Columns that were constant in the training data and so carry no weight (e.g. GROWTH_12M without 24 months of history). */
	public List<String> unusedColumns() {
		return java.util.stream.IntStream.range(0, this.columns.size()).filter(j -> this.sds[j] <= 1e-12)
			.mapToObj(this.columns::get).toList();
	}

	/** Indicators (imputed where missing, log1p where heavy-tailed), then the missing-flags. */
	static double[] design(double[] raw, double[] imputed) {
		int p = INDICATORS.size();
		double[] row = new double[p + FLAGS.size()];
		for (int j = 0; j < p; j++) {
			CreditIndicator indicator = INDICATORS.get(j);
			double v = Double.isNaN(raw[j]) ? imputed[j] : raw[j];
			row[j] = indicator.logTransform() ? Math.log1p(Math.max(0, v)) : v;
			if (Double.isNaN(raw[j]) && indicator.missingFlag() != null) {
				row[p + FLAGS.indexOf(indicator.missingFlag())] = 1;
			}
		}
		return row;
	}

	private double[] standardised(double[] raw) {
		double[] x = design(raw, this.imputed);
		double[] z = new double[x.length];
		for (int j = 0; j < x.length; j++) {
			z[j] = this.sds[j] > 1e-12 ? (x[j] - this.means[j]) / this.sds[j] : 0;
		}
		return z;
	}

	/** The discriminant risk score Z: 0 is the training average, higher is riskier. */
	public double score(double[] raw) {
		double[] z = standardised(raw);
		double s = 0;
		for (int j = 0; j < z.length; j++) {
			s += this.coefficients[j] * z[j];
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

	/**
	 * The {@code count} columns that moved this customer's score most away from the training average, in words:
	 * "raises risk: 4 overdue bills in the last 12 months".
	 */
	public List<String> reasons(double[] raw, int count) {
		double[] z = standardised(raw);
		Integer[] order = java.util.stream.IntStream.range(0, z.length).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(this.coefficients[j] * z[j])));
		List<String> reasons = new ArrayList<>();
		Set<String> flagsSaid = new java.util.HashSet<>();
		int p = INDICATORS.size();
		for (int j : order) {
			double contribution = this.coefficients[j] * z[j];
			if (reasons.size() == count || Math.abs(contribution) < 1e-9) {
				break;
			}
			String direction = contribution > 0 ? "raises risk: " : "lowers risk: ";
			if (j < p) {
				if (Double.isNaN(raw[j])) {
					continue; // an imputed value says nothing about the customer; its flag does
				}
				int meaning = INDICATORS.get(j).riskDirection();
				if (meaning != 0 && Math.signum(this.coefficients[j]) != meaning) {
					continue; // weighted against its plain meaning, only to correct for correlated indicators
				}
				reasons.add(INDICATORS.get(j).name() + " " + direction + INDICATORS.get(j).reason(raw[j]));
			}
			else if (design(raw, this.imputed)[j] == 1 && flagsSaid.add(this.columns.get(j))) {
				// a flag speaks only for a customer who lacks the data; having it is no reason worth naming
				reasons.add(this.columns.get(j) + " " + direction + missingText(this.columns.get(j)));
			}
		}
		return reasons;
	}

	private static String missingText(String flag) {
		return switch (flag) {
			case "NO_DUE_BILLS" -> "no postpaid bills fell due in the last 12 months (prepaid or new)";
			case "SHORT_HISTORY" -> "less than two years of consumption history";
			case "NO_FINANCIALS" -> "no financial statements on file";
			case "NO_SOCIAL_CREDIT" -> "no social credit rating on file";
			case "NO_EQUIPMENT_DATA" -> "no equipment operation data on file";
			default -> flag;
		};
	}

	/**
	 * Raw values after a what-if: the indicator moves by {@code delta} raw units, within the values it can take. A
	 * missing indicator stays missing (a what-if does not invent data the customer does not have): null is returned.
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
	 * Raw values after a risk-factor group worsens by {@code standardDeviations}: each indicator of the group moves
	 * that many training standard deviations in the direction that raises the score (undoing log1p where used),
	 * within the values it can take; indicators the customer has no data for are left missing.
	 */
	public double[] worsened(double[] raw, CreditIndicator.RiskGroup group, double standardDeviations) {
		double[] copy = raw.clone();
		for (CreditIndicator indicator : INDICATORS) {
			int j = indicator.ordinal();
			if (indicator.group() != group || this.sds[j] <= 1e-12 || this.coefficients[j] == 0 || Double.isNaN(raw[j])) {
				continue; // missing data stays missing
			}
			double base = raw[j];
			double transformed = indicator.logTransform() ? Math.log1p(Math.max(0, base)) : base;
			transformed += Math.signum(this.coefficients[j]) * standardDeviations * this.sds[j];
			double moved = indicator.logTransform() ? Math.expm1(Math.max(0, transformed)) : transformed;
			copy[j] = Math.min(indicator.max(), Math.max(indicator.min(), moved));
		}
		return copy;
	}

	/**
	 * Fisher's two-class discriminant direction α = S_w⁻¹ (μ₁ − μ₀), S_w the pooled within-class scatter, scaled to
	 * unit length. Pure Java: smile-core's {@code FLD} and {@code LDA} need the native OpenBLAS library, which a fresh
	 * machine does not have (a test compares both where it is installed). A ridge of 1e-6 × the mean diagonal keeps
	 * S_w invertible when columns are collinear (e.g. two missing-flags that coincide in the training data).
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
			double norm = Math.sqrt(java.util.Arrays.stream(w).map(v -> v * v).sum());
			if (norm > 0) {
				for (int j = 0; j < m; j++) {
					w[j] /= norm;
				}
			}
			return w;
		}

		/** Gaussian elimination with partial pivoting (the matrix is small: indicators + flags). */
		static double[] solve(double[][] a, double[] b) {
			int m = b.length;
			double[][] x = new double[m][];
			for (int i = 0; i < m; i++) {
				x[i] = java.util.Arrays.copyOf(a[i], m + 1);
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

	/** Logistic regression by Newton's method (IRLS): the baseline model, and the calibration of the Fisher score. */
	static final class Logistic {

		private Logistic() {
		}

		/**
		 * Logistic regression on all columns by Newton's method (IRLS) with an L2 penalty {@code lambda} on the
		 * weights (not the intercept). Returns the intercept, then one weight per column.
		 */
		static double[] fitMany(double[][] x, int[] y, double lambda) {
			int n = x.length;
			int m = n == 0 ? 0 : x[0].length;
			double[] beta = new double[m + 1];
			for (int iteration = 0; iteration < 30; iteration++) {
				double[] gradient = new double[m + 1];
				double[][] hessian = new double[m + 1][m + 1];
				for (int i = 0; i < n; i++) {
					double eta = beta[0];
					for (int j = 0; j < m; j++) {
						eta += beta[j + 1] * x[i][j];
					}
					double p = 1 / (1 + Math.exp(-eta));
					double w = p * (1 - p);
					double r = y[i] - p;
					gradient[0] += r;
					hessian[0][0] += w;
					for (int j = 0; j < m; j++) {
						gradient[j + 1] += r * x[i][j];
						hessian[0][j + 1] += w * x[i][j];
						for (int k = j; k < m; k++) {
							hessian[j + 1][k + 1] += w * x[i][j] * x[i][k];
						}
					}
				}
				for (int j = 0; j <= m; j++) {
					for (int k = 0; k < j; k++) {
						hessian[j][k] = hessian[k][j];
					}
					if (j > 0) {
						gradient[j] -= lambda * beta[j];
						hessian[j][j] += lambda;
					}
				}
				hessian[0][0] += 1e-9;
				double[] step = Fisher.solve(hessian, gradient);
				double size = 0;
				for (int j = 0; j <= m; j++) {
					beta[j] += step[j];
					size += Math.abs(step[j]);
				}
				if (size < 1e-8) {
					break;
				}
			}
			return beta;
		}

		/** PD = 1 / (1 + e^-(a + b·score)): the calibration of a score, {a, b}; a tiny penalty keeps b finite on separable data. */
		static double[] calibrate(double[] score, int[] y) {
			double[][] column = new double[score.length][];
			for (int i = 0; i < score.length; i++) {
				column[i] = new double[] {score[i]};
			}
			return fitMany(column, y, 1e-6);
		}

	}

}
