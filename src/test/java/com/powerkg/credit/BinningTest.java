package com.powerkg.credit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Weight of evidence, information value, monotone bins and population stability on tables computed by hand. */
class BinningTest {

	/** Every row its own say: no minimum bin size, every missing bin its own WoE. */
	static final Binning.Settings LOOSE = new Binning.Settings(6, 20, 0, 1, 1);

	/** Rows of (value, defaulted) from a count table: {value, non-defaulters, defaulters}; NaN = missing. */
	static void rows(List<Double> values, List<Integer> labels, double value, int good, int bad) {
		for (int i = 0; i < good; i++) {
			values.add(value);
			labels.add(0);
		}
		for (int i = 0; i < bad; i++) {
			values.add(value);
			labels.add(1);
		}
	}

	static Bins fit(double[][] table, int direction, Binning.Settings settings) {
		List<Double> values = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		for (double[] row : table) {
			rows(values, labels, row[0], (int) row[1], (int) row[2]);
		}
		return Binning.fit(CreditIndicator.DELINQUENT_MONTHS, values.stream().mapToDouble(Double::doubleValue).toArray(),
				labels.stream().mapToInt(Integer::intValue).toArray(), direction, settings);
	}

	/**
	 * Months delinquent 0, 1, 2 and missing with 80/4, 15/6, 5/10 and 20/5 non-defaulters/defaulters: G = 120, B = 25.
	 * WoE = ln((b/B)/(g/G)): ln(0.16/0.6667) = ln 0.24, ln(0.24/0.125) = ln 1.92, ln(0.4/0.041667) = ln 9.6,
	 * ln(0.2/0.16667) = ln 1.2. IV = Σ (b/B − g/G)·WoE.
	 */
	@Test
	void weightOfEvidenceAndInformationValueOfAHandComputedTable() {
		Bins bins = fit(new double[][] {{0, 80, 4}, {1, 15, 6}, {2, 5, 10}, {Double.NaN, 20, 5}}, 1, LOOSE);

		assertThat(bins.cuts()).containsExactly(0.5, 1.5);
		assertThat(bins.woe()[0]).isCloseTo(Math.log(0.24), within(1e-12));
		assertThat(bins.woe()[1]).isCloseTo(Math.log(1.92), within(1e-12));
		assertThat(bins.woe()[2]).isCloseTo(Math.log(9.6), within(1e-12));
		assertThat(bins.woe()[bins.missing()]).isCloseTo(Math.log(1.2), within(1e-12));
		double iv = (0.16 - 80 / 120.0) * Math.log(0.24) + (0.24 - 15 / 120.0) * Math.log(1.92) + (0.40 - 5 / 120.0) * Math.log(9.6)
				+ (0.20 - 20 / 120.0) * Math.log(1.2);
		assertThat(bins.informationValue()).isCloseTo(iv, within(1e-12)).isCloseTo(1.6146, within(1e-4));
		assertThat(bins.best()).as("the lowest WoE among the bins with a value").isZero();
		assertThat(bins.bin(-3)).isZero();
		assertThat(bins.bin(0.5)).as("a value on a cut falls in the bin above").isEqualTo(1);
		assertThat(bins.bin(7)).isEqualTo(2);
		assertThat(bins.bin(Double.NaN)).isEqualTo(3);
	}

	@Test
	void aMissingBinWithTooFewRowsGetsTheAverageWoeAndAddsNoInformation() {
		var settings = new Binning.Settings(6, 20, 0, 1, 30);
		Bins bins = fit(new double[][] {{0, 80, 4}, {1, 15, 6}, {2, 5, 10}, {Double.NaN, 20, 5}}, 1, settings);
		assertThat(bins.woe()[bins.missing()]).isZero();
		double withoutMissing = (0.16 - 80 / 120.0) * Math.log(0.24) + (0.24 - 15 / 120.0) * Math.log(1.92)
				+ (0.40 - 5 / 120.0) * Math.log(9.6);
		assertThat(bins.informationValue()).isCloseTo(withoutMissing, within(1e-12));
	}

	/** Default rates 5/55, 2/52, 10/60 by value 0, 1, 2: not monotone. */
	static final double[][] DIP = {{0, 50, 5}, {1, 50, 2}, {2, 50, 10}};

	@Test
	void adjacentBinsArePooledUntilTheDefaultRateFollowsTheRiskDirection() {
		Bins up = fit(DIP, 1, LOOSE);
		assertThat(up.cuts()).as("0 and 1 pooled (7/107), then 2").containsExactly(1.5);
		assertThat(up.woe()[0]).isCloseTo(Math.log((7 / 17.0) / (100 / 150.0)), within(1e-12));

		Bins down = fit(DIP, -1, LOOSE);
		assertThat(down.size()).as("falling with the value is not in these data: one bin").isEqualTo(1);
		assertThat(down.informationValue()).isZero();

		Bins either = fit(DIP, 0, LOOSE);
		assertThat(either.direction()).as("the data decide: rising keeps more information").isEqualTo(1);
		assertThat(either.cuts()).containsExactly(1.5);
	}

	@Test
	void tooSmallOrOneClassBinsAreMergedIntoTheirCloserNeighbourAndAtMostMaxBinsRemain() {
		// rates 0/30, 2/102, 10/110, 20/70, 40/90: monotone; each value its own fine bin
		double[][] table = {{0, 30, 0}, {1, 100, 2}, {2, 100, 10}, {3, 50, 20}, {4, 50, 40}};
		Bins bins = fit(table, 1, new Binning.Settings(6, 1000, 0, 1, 1));
		assertThat(bins.cuts()).as("value 0 has no defaulter: merged with its only neighbour").containsExactly(1.5, 2.5, 3.5);
		assertThat(bins.good()).containsExactly(130, 100, 50, 50, 0);

		Bins three = fit(table, 1, new Binning.Settings(3, 1000, 0, 1, 1));
		assertThat(three.cuts()).as("the closest rates merge first: 2/132 with 10/110").containsExactly(2.5, 3.5);

		Bins big = fit(table, 1, new Binning.Settings(6, 1000, 0, 80, 1));
		assertThat(big.cuts()).as("30 rows join 102; 70 rows join the 90 whose rate is closer than that of the 110").containsExactly(1.5, 2.5);
		assertThat(big.rows()).containsExactly(132, 110, 160, 0);
	}

	@Test
	void equalValuesAreNeverSplitAcrossBins() {
		List<Double> values = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		rows(values, labels, 0, 900, 10);
		rows(values, labels, 5, 90, 50);
		Bins bins = Binning.fit(CreditIndicator.DELINQUENT_MONTHS, values.stream().mapToDouble(Double::doubleValue).toArray(),
				labels.stream().mapToInt(Integer::intValue).toArray(), 1, Binning.Settings.DEFAULTS);
		assertThat(bins.cuts()).containsExactly(2.5);
	}

	/**
	 * Training shares 0.5, 0.3, 0.2 against scored 0.3, 0.3, 0.4: PSI = (0.3 − 0.5)·ln(0.3/0.5) + 0 + (0.4 − 0.2)·ln 2 =
	 * 0.1022 + 0.1386 = 0.2408.
	 */
	@Test
	void populationStabilityOfKnownDistributions() {
		assertThat(Binning.populationStability(new long[] {50, 30, 20}, new long[] {300, 300, 400}))
			.isCloseTo(-0.2 * Math.log(0.6) + 0.2 * Math.log(2), within(1e-12)).isCloseTo(0.2408, within(1e-4));
		assertThat(Binning.populationStability(new long[] {50, 30, 20}, new long[] {5, 3, 2})).as("same shares").isZero();
		assertThat(Binning.populationStability(new long[] {100, 0}, new long[] {50, 50}))
			.as("an empty bin counts as 0.0001").isCloseTo((0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), within(1e-12));
		assertThat(Binning.populationStability(new long[] {1, 1}, new long[] {0, 0})).isNaN();
	}

}
