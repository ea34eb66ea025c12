package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The served model by hand: scores, grades, reasons, what-ifs; the training and the champion choice on small data. */
class CreditModelTest {

	static final double[] CUTOFFS = {0.02, 0.05, 0.10, 0.20};

	/** An indicator the model does not use: one bin, WoE 0. */
	static Bins flat(CreditIndicator indicator) {
		return new Bins(indicator, new double[0], new double[] {0, 0}, new long[] {10, 0}, new long[] {1, 0}, 1, 0);
	}

	static Bins bins(CreditIndicator indicator, double[] cuts, double[] woe, long[] rows, int direction) {
		long[] good = new long[rows.length];
		long[] bad = new long[rows.length];
		for (int i = 0; i < rows.length; i++) {
			good[i] = rows[i];
		}
		return new Bins(indicator, cuts, woe, good, bad, direction, 0.5);
	}

	/**
	 * A hand-made scorecard on three indicators, each bin's rows chosen so the mean WoE is easy: months delinquent
	 * (WoE -1, 0.5, 2 for 0, 1-2, 3+; missing 1), worst days past due (-0.5, 0.8, 1.5 for 0, 1-30, 31+; missing 1),
	 * share paid (1.2, 0.3, -0.6 for below 0.5, 0.5-0.95, 0.95+; missing 1). Weights 1, 3 and 1.
	 */
	static CreditModel handModel() {
		List<Bins> all = new ArrayList<>();
		for (CreditIndicator i : CreditIndicator.values()) {
			all.add(switch (i) {
				case DELINQUENT_MONTHS -> bins(i, new double[] {0.5, 2.5}, new double[] {-1, 0.5, 2, 1}, new long[] {50, 30, 20, 0}, 1);
				case WORST_DAYS_PAST_DUE -> bins(i, new double[] {0.5, 30.5}, new double[] {-0.5, 0.8, 1.5, 1}, new long[] {60, 30, 10, 0}, 1);
				case PAID_SHARE_3 -> bins(i, new double[] {0.5, 0.95}, new double[] {1.2, 0.3, -0.6, 1}, new long[] {10, 30, 60, 0}, -1);
				default -> flat(i);
			});
		}
		double[] sds = new double[CreditModel.N];
		Arrays.fill(sds, 1);
		sds[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = 2;
		return new CreditModel(CreditModel.Kind.FISHER, all,
				List.of(CreditIndicator.DELINQUENT_MONTHS, CreditIndicator.WORST_DAYS_PAST_DUE, CreditIndicator.PAID_SHARE_3),
				new double[] {1, 3, 1}, null, new double[] {-2, 1}, CUTOFFS, sds);
	}

	static double[] customer(double delinquentMonths, double worstDays, double paidShare) {
		double[] raw = new double[CreditModel.N];
		Arrays.fill(raw, Double.NaN);
		raw[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = delinquentMonths;
		raw[CreditIndicator.WORST_DAYS_PAST_DUE.ordinal()] = worstDays;
		raw[CreditIndicator.PAID_SHARE_3.ordinal()] = paidShare;
		return raw;
	}

	@Test
	void theScoreIsTheWeightedWoeOfEachIndicatorsBinAndThePdItsCalibration() {
		CreditModel model = handModel();
		double score = model.score(customer(3, 10, 0.98));
		assertThat(score).isCloseTo(1 * 2 + 3 * 0.8 + 1 * -0.6, within(1e-12));
		assertThat(model.probabilityOfDefault(score)).isCloseTo(1 / (1 + Math.exp(-(-2 + score))), within(1e-12));
		assertThat(model.score(customer(2, 10, 0.98))).as("the jump from 2 to 3 months costs 1.5 WoE, from 1 to 2 nothing")
			.isCloseTo(score - 1.5, within(1e-12));
		assertThat(model.score(customer(1, 10, 0.98))).isEqualTo(model.score(customer(2, 10, 0.98)));
	}

	@Test
	void gradesFollowTheCutoffs() {
		CreditModel model = handModel();
		assertThat(Arrays.stream(new double[] {0.0, 0.019, 0.02, 0.049, 0.05, 0.099, 0.1, 0.199, 0.2, 0.9}).mapToObj(model::grade))
			.containsExactly("AAA", "AAA", "AA", "AA", "A", "A", "B", "B", "C", "C");
	}

	/**
	 * Months delinquent 3 costs 1 · (2 − (−1)) = 3 points against its best bin, worst days 10 costs 3 · (0.8 − (−0.5)) =
	 * 3.9, a share of 0.98 is in its best bin and costs nothing: a C customer hears days past due, then months delinquent,
	 * and nothing that lowers the risk although the share paid does.
	 */
	@Test
	void aCCustomerHearsWhatRaisesTheRiskMostFirstAndNothingThatLowersIt() {
		CreditModel model = handModel();
		double[] raw = customer(3, 10, 0.98);
		assertThat(model.grade(model.probabilityOfDefault(model.score(raw)))).isEqualTo("C");
		List<String> reasons = model.reasons(raw, "C", 3);
		assertThat(reasons).containsExactly("WORST_DAYS_PAST_DUE raises risk: a bill paid in full 10 days after its due date, or still open",
				"DELINQUENT_MONTHS raises risk: 3 of the last 12 bills not paid in full by the due date");
		assertThat(model.adverse(raw)).extracting(CreditModel.Effect::points).satisfiesExactly(
				p -> assertThat(p).isCloseTo(3.9, within(1e-12)), p -> assertThat(p).isCloseTo(3.0, within(1e-12)));
		assertThat(model.favourable(raw)).as("the share would lower it, but a C is not told so").isNotEmpty();
	}

	@Test
	void anAaaCustomerHearsWhatLowersTheRiskFirstAndAnACustomerWhatRaisesItFirst() {
		CreditModel model = handModel();
		double[] best = customer(0, 0, 0.99);
		// mean WoE: months 0.5·(−1) + 0.3·0.5 + 0.2·2 = 0.05; days 0.6·(−0.5) + 0.3·0.8 + 0.1·1.5 = 0.09; share 0.1·1.2 + 0.3·0.3 + 0.6·(−0.6) = −0.15
		assertThat(model.favourable(best)).extracting(CreditModel.Effect::code)
			.containsExactly("WORST_DAYS_PAST_DUE", "DELINQUENT_MONTHS", "PAID_SHARE_3");
		assertThat(model.favourable(best)).extracting(CreditModel.Effect::points)
			.satisfies(p -> assertThat(p.get(0)).isCloseTo(3 * (0.09 + 0.5), within(1e-12)));
		assertThat(model.reasons(best, "AAA", 2)).allSatisfy(r -> assertThat(r).contains(" lowers risk: "));

		double[] middling = customer(1, 0, 0.99);
		List<String> reasons = model.reasons(middling, "A", 3);
		assertThat(reasons.getFirst()).startsWith("DELINQUENT_MONTHS raises risk: 1 of the last 12");
		assertThat(reasons.subList(1, 3)).allSatisfy(r -> assertThat(r).contains(" lowers risk: "));
	}

	@Test
	void aPoorCustomerWithNothingWorseThanItsBestBinsStillHearsWhyAndNeverOnlyLowersRisk() {
		CreditModel model = handModel();
		List<String> reasons = model.reasons(customer(0, 0, 0.99), "C", 3);
		assertThat(reasons).singleElement().asString().startsWith("BASE_RATE raises risk:");
	}

	@Test
	void missingValuesOfOneBlockAreOneReasonMeasuredAgainstTheAverageCustomer() {
		CreditModel model = handModel();
		double[] raw = customer(Double.NaN, Double.NaN, Double.NaN);
		// missing WoE 1 each: months 1·(1 − 0.05), days 3·(1 − 0.09), share 1·(1 + 0.15), all NO_DUE_BILLS
		assertThat(model.adverse(raw)).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo("NO_DUE_BILLS");
			assertThat(e.points()).isCloseTo(0.95 + 2.73 + 1.15, within(1e-9));
		});
		assertThat(model.favourable(raw)).as("a missing value never lowers the risk").isEmpty();
	}

	@Test
	void whatIfMovesAnIndicatorAcrossBinsWithinItsRangeAndNeverInventsMissingData() {
		CreditModel model = handModel();
		double[] raw = customer(0, 10, 0.98);
		double[] twoMore = CreditModel.changed(raw, CreditIndicator.DELINQUENT_MONTHS, 2);
		assertThat(model.score(twoMore) - model.score(raw)).as("from bin 0 to bin 1-2").isCloseTo(1.5, within(1e-12));
		assertThat(model.score(CreditModel.changed(raw, CreditIndicator.WORST_DAYS_PAST_DUE, 15))).as("still 1-30 days: same bin")
			.isEqualTo(model.score(raw));
		assertThat(CreditModel.changed(raw, CreditIndicator.PAID_SHARE_3, 5)[CreditIndicator.PAID_SHARE_3.ordinal()]).isEqualTo(1.0);
		assertThat(CreditModel.changed(raw, CreditIndicator.DELINQUENT_MONTHS, 40)[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).isEqualTo(12);
		assertThat(CreditModel.changed(raw, CreditIndicator.ASSET_LIABILITY_RATIO, 0.1)).as("no balance sheet").isNull();

		// MARKET worsens by one sd: months +2 (sd 2), days +1, share −1 (its bins grow riskier downwards), within range
		double[] worse = model.worsened(raw, CreditIndicator.RiskGroup.MARKET, 1);
		assertThat(worse[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).isEqualTo(2);
		assertThat(worse[CreditIndicator.WORST_DAYS_PAST_DUE.ordinal()]).isEqualTo(11);
		assertThat(worse[CreditIndicator.PAID_SHARE_3.ordinal()]).isZero();
		assertThat(model.score(worse)).isGreaterThan(model.score(raw));
		assertThat(model.worsened(raw, CreditIndicator.RiskGroup.MANAGEMENT, 1)).as("the model uses no management indicator").isEqualTo(raw);
	}

	@Test
	void aRiskierBinNeverLowersTheScoreOfAModelWithPositiveWeightsAndAModelThatDoesIsCounted() {
		CreditModel model = CreditModelTest.handModel();
		List<double[]> rows = List.of(customer(0, 0, 0.99), customer(1, 10, 0.8), customer(3, 40, 0.2), customer(Double.NaN, 5, 0.7));
		assertThat(model.monotoneViolations(rows)).isZero();
		var against = new CreditModel(CreditModel.Kind.LOGISTIC, model.bins(), model.used(), new double[] {1, -3, 1}, null,
				model.calibration(), CUTOFFS, model.sds());
		// riskier bins with a value: months 2, 1, 0, 1 (missing, WoE 1: only the bin of WoE 2); days 2, 1, 0, 1; share 2, 1, 0, 1.
		// With days past due weighed against, its 4 checks fail: 4 of 12
		assertThat(against.monotoneViolations(rows)).isCloseTo(4.0 / 12, within(1e-12));
	}

	/**
	 * Two classes with the same within-class covariance (the identity) and means (1, 1) and (3, 4): Fisher's direction
	 * is Σ⁻¹(μ₁ − μ₀) = (2, 3), so the second column weighs 1.5 times the first.
	 */
	@Test
	void fisherDirectionOfATinyTwoClassDataSet() {
		double[][] good = {{0, 0}, {0, 2}, {2, 0}, {2, 2}};
		double[][] bad = {{2, 3}, {2, 5}, {4, 3}, {4, 5}};
		double[][] x = new double[8][];
		int[] y = new int[8];
		for (int i = 0; i < 4; i++) {
			x[2 * i] = good[i];
			x[2 * i + 1] = bad[i];
			y[2 * i + 1] = 1;
		}
		double[] coefficients = CreditTraining.fisher(x, y);
		assertThat(coefficients[0]).as("defaulters lie towards higher values: positive").isPositive();
		assertThat(coefficients[1] / coefficients[0]).as("up to the tiny ridge").isCloseTo(1.5, within(1e-5));
	}

	/** Defaults depend on a latent risk through 3·x1 − x2, with x2 ≈ x1: x2 alone looks risky, next to x1 it lowers risk. */
	static List<double[]> correlated(int n, int[] defaulted, long seed) {
		Random random = new Random(seed);
		List<double[]> raw = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double u = random.nextGaussian();
			double x1 = u;
			double x2 = u + 0.3 * random.nextGaussian();
			defaulted[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-2.5 + 3 * x1 - 1.5 * x2))) ? 1 : 0;
			double[] r = new double[CreditModel.N];
			Arrays.fill(r, Double.NaN);
			r[CreditIndicator.WORST_DAYS_PAST_DUE.ordinal()] = x1;
			r[CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL.ordinal()] = x2;
			raw.add(r);
		}
		return raw;
	}

	@Test
	void linearModelsKeepOnlyIndicatorsWithAPositiveWeightSoNoRiskierBinLowersTheScore() {
		int[] y = new int[4000];
		List<double[]> raw = correlated(4000, y, 11);
		var settings = CreditTraining.Settings.DEFAULTS;
		List<Bins> bins = CreditTraining.bins(raw, y, settings.binning());
		List<CreditIndicator> candidates = CreditTraining.candidates(bins, settings.minimumIv());
		assertThat(candidates).as("each on its own tells defaulters apart")
			.containsExactlyInAnyOrder(CreditIndicator.WORST_DAYS_PAST_DUE, CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL);
		double[][] woe = CreditTraining.woe(bins, raw);
		for (CreditModel.Kind kind : List.of(CreditModel.Kind.FISHER, CreditModel.Kind.LOGISTIC)) {
			CreditModel model = CreditTraining.fit(kind, bins, woe, y, candidates, CUTOFFS, CreditTraining.sds(raw), settings);
			assertThat(model.used()).as(kind.name()).containsExactly(CreditIndicator.WORST_DAYS_PAST_DUE);
			assertThat(Arrays.stream(model.coefficients()).boxed().toList()).allSatisfy(c -> assertThat(c).isPositive());
		}
	}

	/** A jump in risk from 1 to 2 months delinquent (5 % then 40 %): the bins keep the step, and every model trains on them. */
	@Test
	void everyModelTrainsOnBinnedIndicatorsAndTheBoostedTreesComeFromSmileWithoutNativeCode() {
		Random random = new Random(5);
		int n = 3000;
		List<double[]> raw = new ArrayList<>();
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			double[] r = new double[CreditModel.N];
			Arrays.fill(r, Double.NaN);
			int months = random.nextInt(7);
			double share = Math.min(1, Math.max(0, 1 - months / 8.0 + 0.3 * random.nextGaussian()));
			r[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = months;
			r[CreditIndicator.PAID_SHARE_12.ordinal()] = share;
			y[i] = random.nextDouble() < (months >= 2 ? 0.40 : 0.05) ? 1 : 0;
			raw.add(r);
		}
		var settings = CreditTraining.Settings.DEFAULTS;
		List<Bins> bins = CreditTraining.bins(raw, y, settings.binning());
		Bins months = bins.get(CreditIndicator.DELINQUENT_MONTHS.ordinal());
		// ln((0.40 / 0.60) / (0.05 / 0.95)) = 2.5 in the population
		assertThat(months.woe(2) - months.woe(1)).as("the step from 1 to 2 months").isGreaterThan(1.5);
		double[][] woe = CreditTraining.woe(bins, raw);
		List<CreditIndicator> candidates = CreditTraining.candidates(bins, settings.minimumIv());
		for (CreditModel.Kind kind : CreditModel.Kind.values()) {
			CreditModel model = CreditTraining.fit(kind, bins, woe, y, candidates, CUTOFFS, CreditTraining.sds(raw), settings);
			double[] scores = raw.stream().mapToDouble(model::score).toArray();
			double[] pd = Arrays.stream(scores).map(model::probabilityOfDefault).toArray();
			var metrics = CreditMetrics.of(scores, pd, y, 0.2);
			// a perfect model of these data reaches 0.67 (5 % against 40 %), the share paid adds a little
			assertThat(metrics.auc()).as(kind.name()).isGreaterThan(0.62);
			double observed = Arrays.stream(y).average().orElseThrow();
			assertThat(Arrays.stream(pd).average().orElseThrow()).as(kind + ": calibrated to the default rate").isCloseTo(observed, within(0.02));
			double[] steady = new double[CreditModel.N];
			Arrays.fill(steady, Double.NaN);
			steady[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = 0;
			steady[CreditIndicator.PAID_SHARE_12.ordinal()] = 1;
			double[] late = steady.clone();
			late[CreditIndicator.DELINQUENT_MONTHS.ordinal()] = 4;
			assertThat(model.probabilityOfDefault(model.score(late))).as(kind + ": four months delinquent is riskier than none")
				.isGreaterThan(model.probabilityOfDefault(model.score(steady)) + 0.1);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theBoostedTreesAreCopiedFromSmileAndStoredAsListsThatScoreTheSame() {
		Random random = new Random(8);
		double[][] x = new double[800][2];
		int[] y = new int[800];
		for (int i = 0; i < x.length; i++) {
			x[i][0] = random.nextInt(4) * 0.5 - 0.7;
			x[i][1] = random.nextInt(3) * 0.8 - 0.4;
			// risky only where both are high: an interaction a line cannot draw
			y[i] = random.nextDouble() < (x[i][0] > 0 && x[i][1] > 0 ? 0.6 : 0.1) ? 1 : 0;
		}
		// fit() refuses a copy whose scores disagree with smile's own probabilities on the training rows
		BoostedTrees trees = BoostedTrees.fit(x, y, BoostedTrees.Settings.DEFAULTS, 3);
		assertThat(trees.size()).isEqualTo(BoostedTrees.Settings.DEFAULTS.trees());
		var p = trees.toProperties();
		BoostedTrees stored = BoostedTrees.of((List<Long>) p.get("treeRoots"), (List<Long>) p.get("treeColumns"),
				(List<Double>) p.get("treeValues"), (List<Long>) p.get("treeLow"), (List<Long>) p.get("treeHigh"));
		for (double[] row : x) {
			assertThat(stored.score(row)).isEqualTo(trees.score(row));
		}
		assertThat(trees.score(new double[] {0.8, 1.2})).as("the risky corner").isGreaterThan(trees.score(new double[] {-0.7, 1.2}))
			.isGreaterThan(trees.score(new double[] {0.8, -0.4}));
	}

	static CreditModelStore.Trained trained(CreditModel.Kind kind, double auc) {
		var model = new CreditModel(kind, List.of(), List.of(), new double[0], null, new double[] {0, 1}, CUTOFFS, new double[0]);
		var metrics = new CreditMetrics(100, 10, auc, 0.3, 2 * auc - 1, 0.2, 0, 0, 0, 0, List.of());
		return new CreditModelStore.Trained(kind, model, metrics, 0, null);
	}

	@Test
	void theChampionIsTheBestHeldOutAucButFisherStaysWhileWithinTheMargin() {
		var auto = CreditProperties.ModelChoice.AUTO;
		var clearlyBetter = List.of(trained(CreditModel.Kind.FISHER, 0.75), trained(CreditModel.Kind.LOGISTIC, 0.755),
				trained(CreditModel.Kind.BOOSTED_TREES, 0.77));
		assertThat(CreditStage.choose(clearlyBetter, auto, 0.01).kind()).isEqualTo(CreditModel.Kind.BOOSTED_TREES);
		var close = List.of(trained(CreditModel.Kind.FISHER, 0.765), trained(CreditModel.Kind.LOGISTIC, 0.77),
				trained(CreditModel.Kind.BOOSTED_TREES, 0.772));
		assertThat(CreditStage.choose(close, auto, 0.01).kind()).as("0.007 behind: the seed's model stays").isEqualTo(CreditModel.Kind.FISHER);
		var atTheMargin = List.of(trained(CreditModel.Kind.FISHER, 0.76), trained(CreditModel.Kind.LOGISTIC, 0.77));
		assertThat(CreditStage.choose(atTheMargin, auto, 0.01).kind()).isEqualTo(CreditModel.Kind.FISHER);
		assertThat(CreditStage.choose(atTheMargin, auto, 0.005).kind()).isEqualTo(CreditModel.Kind.LOGISTIC);
		var failed = List.of(new CreditModelStore.Trained(CreditModel.Kind.FISHER, null, null, Double.NaN, "singular"),
				trained(CreditModel.Kind.LOGISTIC, 0.70));
		assertThat(CreditStage.choose(failed, auto, 0.01).kind()).as("a model that failed is no candidate").isEqualTo(CreditModel.Kind.LOGISTIC);
		assertThat(CreditStage.choose(clearlyBetter, CreditProperties.ModelChoice.FISHER, 0.01).kind()).isEqualTo(CreditModel.Kind.FISHER);
		var trees = trained(CreditModel.Kind.BOOSTED_TREES, 0.80);
		var notMonotone = List.of(trained(CreditModel.Kind.FISHER, 0.75), trained(CreditModel.Kind.LOGISTIC, 0.755),
				new CreditModelStore.Trained(trees.kind(), trees.model(), trees.metrics(), 0.003, "not monotone"));
		assertThat(CreditStage.choose(notMonotone, auto, 0.01).kind())
			.as("trees that let paying worse lower the risk may not rate: FISHER is within 0.01 of the best that may").isEqualTo(CreditModel.Kind.FISHER);
		assertThat(CreditStage.choose(notMonotone, CreditProperties.ModelChoice.BOOSTED_TREES, 0.01).kind()).as("unless named")
			.isEqualTo(CreditModel.Kind.BOOSTED_TREES);
		assertThat(CreditStage.choose(failed, CreditProperties.ModelChoice.FISHER, 0.01)).as("the named one failed: none").isNull();
	}

	@Test
	void aucKsGiniConfusionMatrixAndCalibrationOfAHandComputedCase() {
		// scores of defaulters 0.9, 0.4; of others 0.5, 0.2, 0.1: 5 of the 6 pairs are ordered right
		double[] score = {0.9, 0.4, 0.5, 0.2, 0.1};
		int[] defaulted = {1, 1, 0, 0, 0};
		var m = CreditMetrics.of(score, score, defaulted, 0.45);
		assertThat(m.auc()).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(m.gini()).isCloseTo(2 * 5.0 / 6 - 1, within(1e-12));
		// below 0.2: 2/3 of the others and none of the defaulters
		assertThat(m.ks()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(List.of(m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives())).containsExactly(1, 1, 2, 1);

		// 25 customers with PD i/25: ten groups of 3, 3, 3, 3, 3, 2, 2, 2, 2, 2; the defaulters are the top 5
		double[] pd = new double[25];
		int[] y = new int[25];
		for (int i = 0; i < 25; i++) {
			pd[i] = i / 25.0;
			y[i] = i >= 20 ? 1 : 0;
		}
		var deciles = CreditMetrics.deciles(pd, y);
		assertThat(deciles).extracting(CreditMetrics.Decile::customers).containsExactly(3, 3, 3, 3, 3, 2, 2, 2, 2, 2);
		assertThat(deciles.getFirst().meanProbabilityOfDefault()).isCloseTo(1 / 25.0, within(1e-12));
		assertThat(deciles).extracting(CreditMetrics.Decile::observedDefaultRate).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 1.0);
	}

}
