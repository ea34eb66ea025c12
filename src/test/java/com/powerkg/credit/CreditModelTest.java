package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CreditModelTest {

	static final double[] CUTOFFS = {0.02, 0.05, 0.10, 0.20};

	/** All indicators 0 (observed) except ON_TIME_RATIO = x and OVERDUE_AMOUNT_RATIO = y (neither is logged). */
	static double[] row(double x, double y) {
		double[] raw = new double[CreditIndicator.values().length];
		raw[CreditIndicator.ON_TIME_RATIO.ordinal()] = x;
		raw[CreditIndicator.OVERDUE_AMOUNT_RATIO.ordinal()] = y;
		return raw;
	}

	/**
	 * Two classes with the same within-class covariance (the identity) and means (1, 1) and (3, 4): Fisher's
	 * direction is Σ⁻¹(μ₁ − μ₀) = (2, 3), so a unit step in y moves the score 1.5 times as much as one in x, and with
	 * equal class sizes the boundary (PD 0.5) is the midpoint (2, 2.5).
	 */
	@Test
	void fisherDirectionAndThresholdOfATinyTwoClassDataSet() {
		List<double[]> raw = new ArrayList<>();
		double[][] good = {{0, 0}, {0, 2}, {2, 0}, {2, 2}};
		double[][] bad = {{2, 3}, {2, 5}, {4, 3}, {4, 5}};
		int[] defaulted = new int[8];
		for (int i = 0; i < 4; i++) {
			raw.add(row(good[i][0], good[i][1]));
			raw.add(row(bad[i][0], bad[i][1]));
			defaulted[2 * i + 1] = 1;
		}
		CreditModel model = CreditModel.train(raw, defaulted, CUTOFFS);

		double dx = model.score(row(3, 2.5)) - model.score(row(2, 2.5));
		double dy = model.score(row(2, 3.5)) - model.score(row(2, 2.5));
		assertThat(dx).as("defaulters lie towards higher x: the risk score rises with it").isPositive();
		assertThat(dy / dx).as("up to the tiny ridge").isCloseTo(1.5, within(1e-5));
		assertThat(model.probabilityOfDefault(model.score(row(2, 2.5)))).isCloseTo(0.5, within(1e-6));
		for (int i = 0; i < 8; i++) {
			double pd = model.probabilityOfDefault(model.score(raw.get(i)));
			assertThat(pd >= 0.5).as("row " + i).isEqualTo(defaulted[i] == 1);
		}
		assertThat(model.coefficients()[CreditIndicator.OVERDUE_BILLS.ordinal()]).as("a constant indicator has no weight").isZero();
	}

	@Test
	void theLogisticBaselineRanksTheTinySetAsWellAndRisesWithTheSameIndicators() {
		List<double[]> raw = new ArrayList<>();
		int[] defaulted = new int[8];
		double[][] points = {{0, 0}, {2, 3}, {0, 2}, {2, 5}, {2, 0}, {4, 3}, {2, 2}, {4, 5}};
		for (int i = 0; i < 8; i++) {
			raw.add(row(points[i][0], points[i][1]));
			defaulted[i] = i % 2;
		}
		CreditModel logistic = CreditModel.train(CreditModel.Kind.LOGISTIC, raw, defaulted, CUTOFFS);
		double[] scores = raw.stream().mapToDouble(logistic::score).toArray();
		double[] pd = java.util.Arrays.stream(scores).map(logistic::probabilityOfDefault).toArray();
		assertThat(CreditMetrics.of(scores, pd, defaulted, 0.5).auc()).isEqualTo(1.0);
		assertThat(logistic.score(row(3, 2.5))).isGreaterThan(logistic.score(row(2, 2.5)));
		assertThat(logistic.score(row(2, 3.5))).isGreaterThan(logistic.score(row(2, 2.5)));
		for (int i = 0; i < 8; i++) {
			assertThat(pd[i] >= 0.5).as("row " + i).isEqualTo(defaulted[i] == 1);
		}
	}

	@Test
	void gradesFollowTheCutoffs() {
		var model = new CreditModel(CreditModel.columnNames(), new double[0], new double[0], new double[0], new double[0],
				new double[] {0, 1}, CUTOFFS);
		assertThat(Arrays.stream(new double[] {0.0, 0.019, 0.02, 0.049, 0.05, 0.099, 0.1, 0.199, 0.2, 0.9}).mapToObj(model::grade))
			.containsExactly("AAA", "AAA", "AA", "AA", "A", "A", "B", "B", "C", "C");
	}

	@Test
	void missingIndicatorsAreImputedAndFlaggedNotZero() {
		double[] raw = row(1, 0);
		raw[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()] = Double.NaN;
		double[] imputed = new double[CreditIndicator.values().length];
		imputed[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()] = 0.6;
		double[] x = CreditModel.design(raw, imputed);
		assertThat(x[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()]).isEqualTo(0.6);
		int flag = CreditModel.columnNames().indexOf("NO_FINANCIALS");
		assertThat(x[flag]).isEqualTo(1);
		assertThat(x[CreditModel.columnNames().indexOf("NO_DUE_BILLS")]).isZero();
	}

	/** Postpaid customers, half of them with a balance sheet; the defaulters are the late payers. */
	static CreditModel trainedWithFinancials(List<double[]> raw, int[] defaulted) {
		java.util.Random random = new java.util.Random(1);
		for (int i = 0; i < defaulted.length; i++) {
			defaulted[i] = i % 4 == 0 ? 1 : 0;
			double[] r = row(defaulted[i] == 1 ? 0.5 + random.nextDouble() * 0.3 : 0.8 + random.nextDouble() * 0.2, random.nextDouble() * 0.2);
			r[CreditIndicator.OVERDUE_BILLS.ordinal()] = defaulted[i] == 1 ? 3 + random.nextInt(3) : random.nextInt(2);
			r[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()] = i % 2 == 0 ? Double.NaN : 0.4 + random.nextDouble() * 0.4;
			raw.add(r);
		}
		return CreditModel.train(raw, defaulted, CUTOFFS);
	}

	@Test
	void aFlagIsAReasonOnlyForCustomersWhoLackTheData() {
		List<double[]> raw = new ArrayList<>();
		int[] defaulted = new int[200];
		CreditModel model = trainedWithFinancials(raw, defaulted);
		for (int i = 0; i < raw.size(); i++) {
			boolean lacksFinancials = Double.isNaN(raw.get(i)[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()]);
			List<String> reasons = model.reasons(raw.get(i), 22);
			assertThat(reasons).as("customer " + i).isNotEmpty();
			if (!lacksFinancials) {
				assertThat(reasons).noneMatch(r -> r.startsWith("NO_FINANCIALS"));
			}
			else {
				assertThat(reasons).noneMatch(r -> r.startsWith("ASSET_LIABILITY_RATIO")).as("an imputed value is no reason");
			}
		}
		assertThat(raw.stream().filter(r -> Double.isNaN(r[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()])))
			.anySatisfy(r -> assertThat(model.reasons(r, 22)).anyMatch(reason -> reason.startsWith("NO_FINANCIALS")));
	}

	@Test
	void anIndicatorWeightedAgainstItsPlainMeaningIsNoReason() {
		int m = CreditModel.columnNames().size();
		double[] coefficients = new double[m];
		coefficients[CreditIndicator.OVERDUE_BILLS.ordinal()] = 1.0;
		// negative: collinear with the overdue count, a fit may weigh the overdue share against its meaning
		coefficients[CreditIndicator.OVERDUE_AMOUNT_RATIO.ordinal()] = -0.5;
		double[] ones = new double[m];
		java.util.Arrays.fill(ones, 1);
		var model = new CreditModel(CreditModel.columnNames(), new double[CreditIndicator.values().length], new double[m], ones,
				coefficients, new double[] {0, 1}, CUTOFFS);
		double[] raw = row(1, 0);
		raw[CreditIndicator.OVERDUE_BILLS.ordinal()] = 0;
		assertThat(model.reasons(raw, 3)).noneMatch(r -> r.startsWith("OVERDUE_AMOUNT_RATIO"));
		raw[CreditIndicator.OVERDUE_BILLS.ordinal()] = 4;
		assertThat(model.reasons(raw, 3)).first().asString().startsWith("OVERDUE_BILLS raises risk: 4 overdue bills");
	}

	@Test
	void whatIfNeverInventsMissingDataAndStaysWithinTheIndicatorsRange() {
		List<double[]> raw = new ArrayList<>();
		int[] defaulted = new int[200];
		CreditModel model = trainedWithFinancials(raw, defaulted);
		double[] household = raw.get(0);
		assertThat(CreditModel.changed(household, CreditIndicator.ASSET_LIABILITY_RATIO, 0.1)).as("no balance sheet").isNull();
		assertThat(model.worsened(household, CreditIndicator.RiskGroup.MANAGEMENT, 1)).isEqualTo(household);
		double[] more = CreditModel.changed(household, CreditIndicator.ON_TIME_RATIO, 5);
		assertThat(more[CreditIndicator.ON_TIME_RATIO.ordinal()]).as("a share stays a share").isEqualTo(1.0);
		double[] fewer = CreditModel.changed(household, CreditIndicator.OVERDUE_BILLS, -10);
		assertThat(fewer[CreditIndicator.OVERDUE_BILLS.ordinal()]).isZero();
		assertThat(model.score(CreditModel.changed(household, CreditIndicator.OVERDUE_BILLS, 2))).isGreaterThan(model.score(household));
		assertThat(model.score(model.worsened(household, CreditIndicator.RiskGroup.MARKET, 1))).isGreaterThan(model.score(household));
	}

	@Test
	void aucKsAndConfusionMatrixOfAHandComputedCase() {
		// scores of defaulters 0.9, 0.4; of others 0.5, 0.2, 0.1: 5 of the 6 pairs are ordered right
		double[] score = {0.9, 0.4, 0.5, 0.2, 0.1};
		int[] defaulted = {1, 1, 0, 0, 0};
		var m = CreditMetrics.of(score, score, defaulted, 0.45);
		assertThat(m.auc()).isCloseTo(5.0 / 6, within(1e-12));
		// below 0.2: 2/3 of the others and none of the defaulters
		assertThat(m.ks()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(List.of(m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives())).containsExactly(1, 1, 2, 1);
	}

}
