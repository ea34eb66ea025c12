package com.powerkg.segmentation;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static com.powerkg.segmentation.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The robust preparation on vectors whose answers are computed by hand. */
class FeaturePreparationTest {

	static FeaturePreparation.Prepared prepare(FeatureMatrix m, Dimension dimension) {
		m.prepare();
		int[] rows = IntStream.range(0, m.size()).toArray();
		var defining = dimension.definingFeature();
		return FeaturePreparation.prepare(m, dimension, rows, DimensionSegmenter.clusterWeights(dimension, defining),
				DimensionSegmenter.rankingWeights(dimension, defining));
	}

	static FeaturePreparation.Distribution distribution(FeaturePreparation.Prepared p, Feature feature) {
		return p.distributions().stream().filter(d -> d.feature() == feature).findFirst().orElseThrow();
	}

	@Test
	void percentilesInterpolateLinearlyBetweenClosestRanks() {
		double[] sorted = {1, 2, 3, 4, 5};
		assertThat(FeaturePreparation.percentile(sorted, 0)).isEqualTo(1);
		assertThat(FeaturePreparation.percentile(sorted, 25)).isEqualTo(2);
		assertThat(FeaturePreparation.percentile(sorted, 50)).isEqualTo(3);
		assertThat(FeaturePreparation.percentile(sorted, 90)).isCloseTo(4.6, within(1e-12));
		assertThat(FeaturePreparation.percentile(sorted, 100)).isEqualTo(5);
		assertThat(FeaturePreparation.percentile(new double[] {7}, 95)).isEqualTo(7);
		assertThat(FeaturePreparation.percentile(new double[0], 50)).isNaN();
	}

	@Test
	void growthIsWinsorisedAtItsFifthAndNinetyFifthPercentilesAndTheCappedCustomersAreFlagged() {
		// 21 customers growing 0..20 % (log ratios 0.00..0.20) and one from a near-zero base (log ratio 7)
		var m = new FeatureMatrix();
		for (int i = 0; i <= 20; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.GROWTH_12M, i / 100.0));
		}
		m.add("outlier", "RESIDENTIAL", "R", row(Feature.GROWTH_12M, 7.0));
		var p = prepare(m, Dimension.GROWTH_POTENTIAL);
		var growth = distribution(p, Feature.GROWTH_12M);
		// 22 sorted values; p5 at position 21 × 0.05 = 1.05: 0.01 + 0.05 × 0.01; p95 at 19.95: 0.19 + 0.95 × 0.01
		assertThat(growth.lowerCap()).isCloseTo(0.0105, within(1e-12));
		assertThat(growth.upperCap()).isCloseTo(0.1995, within(1e-12));
		assertThat(growth.cappedBelow()).as("0.00 and 0.01").isEqualTo(2);
		assertThat(growth.cappedAbove()).as("0.20 and the outlier").isEqualTo(2);
		assertThat(growth.raw()[8]).as("the raw maximum is kept in the description").isEqualTo(7.0);
		assertThat(growth.transformed()[8]).isCloseTo(0.1995, within(1e-12));
		int j = Dimension.GROWTH_POTENTIAL.features().indexOf(Feature.GROWTH_12M);
		assertThat(p.capped()[21] & (1 << j)).as("the outlier is flagged").isNotZero();
		assertThat(p.capped()[10]).as("a customer inside the limits is not").isZero();
		assertThat(p.x()[21][0]).as("the outlier sits at the cap, next to the 20 % grower").isEqualTo(p.x()[20][0]);
		assertThat(p.x()[0]).as("growth clusters on the 12-month growth alone").hasSize(1);
	}

	@Test
	void heavyTailsAreLoggedThenEveryFeatureIsStandardisedAndWeighted() {
		var m = new FeatureMatrix();
		double[] kv = {0, Math.E - 1, Math.exp(2) - 1};
		for (int i = 0; i < kv.length; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.VOLTAGE_LEVEL, kv[i], Feature.IMPORTANCE_GRADE, i));
		}
		var p = prepare(m, Dimension.SOCIAL_INFLUENCE);
		int voltage = Dimension.SOCIAL_INFLUENCE.features().indexOf(Feature.VOLTAGE_LEVEL);
		// voltage is not capped (it takes few values); log1p gives 0, 1, 2: mean 1, population sd sqrt(2/3)
		double sd = Math.sqrt(2.0 / 3);
		assertThat(p.x()[0][voltage]).isCloseTo(-1 / sd, within(1e-12));
		assertThat(p.x()[1][voltage]).isCloseTo(0, within(1e-12));
		assertThat(p.x()[2][voltage]).isCloseTo(1 / sd, within(1e-12));
		assertThat(p.x()[2][0]).as("importance is not logged").isCloseTo(1 / sd, within(1e-12));
		assertThat(p.score()[2]).as("importance and voltage rank, the constant capacity adds 0").isCloseTo(2 / sd, within(1e-12));
		int critical = Dimension.SOCIAL_INFLUENCE.features().indexOf(Feature.CRITICAL_INDUSTRY);
		assertThat(p.x()[0][critical]).as("a constant feature standardises to 0").isZero();
		assertThat(distribution(p, Feature.VOLTAGE_LEVEL).transformed()[8]).isCloseTo(2, within(1e-12));
	}

	@Test
	void revenueIsCappedInOriginalUnitsThenLogged() {
		var m = new FeatureMatrix();
		for (int i = 0; i <= 100; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.ANNUAL_REVENUE, 10.0 * i));
		}
		var p = prepare(m, Dimension.REVENUE_CONTRIBUTION);
		var revenue = distribution(p, Feature.ANNUAL_REVENUE);
		// 101 values 0, 10, ..., 1000: the 1st and 99th percentiles are 10 and 990 exactly
		assertThat(revenue.lowerCap()).isCloseTo(10, within(1e-9));
		assertThat(revenue.upperCap()).isCloseTo(990, within(1e-9));
		assertThat(revenue.cappedBelow()).isEqualTo(1);
		assertThat(revenue.cappedAbove()).isEqualTo(1);
		assertThat(p.transformed()[0][0]).isCloseTo(Math.log1p(10), within(1e-12));
		assertThat(p.transformed()[0][100]).isCloseTo(Math.log1p(990), within(1e-12));
		assertThat(revenue.raw()[0]).as("described before capping").isZero();
	}

	@Test
	void theRegionalShareIsRankedBecauseItsScaleDependsOnTheSizeOfTheGridCell() {
		var m = new FeatureMatrix();
		double[] revenue = {500, 100, 500, 300};
		for (int i = 0; i < revenue.length; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.ANNUAL_REVENUE, revenue[i]));
		}
		var p = prepare(m, Feature.REGION_REVENUE_SHARE.dimension());
		int j = Dimension.REVENUE_CONTRIBUTION.features().indexOf(Feature.REGION_REVENUE_SHARE);
		// shares 357, 71, 357, 214 per mille; sorted 71, 214, 357, 357: quantiles (rank + ½) / 4, ties share the mid-rank 2.5
		assertThat(p.transformed()[j]).containsExactly(0.75, 0.125, 0.75, 0.375);
		assertThat(p.x()[0][1] / p.x()[3][1]).as("weight 0.5, standardised").isCloseTo(
				(0.75 - 0.5) / (0.375 - 0.5), within(1e-12));
	}

	@Test
	void missingValuesTakeTheMedianOfTheClusteredCustomersAndAreCounted() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", null, row(Feature.VOLATILITY, 0.1, Feature.VOLTAGE_LEVEL, 0.22));
		m.add("b", "RESIDENTIAL", null, row(Feature.VOLATILITY, 0.3, Feature.VOLTAGE_LEVEL, Double.NaN));
		m.add("c", "LARGE_INDUSTRIAL", null, row(Feature.VOLATILITY, 0.9, Feature.VOLTAGE_LEVEL, 110));
		m.add("d", "LARGE_INDUSTRIAL", null, row(Feature.VOLATILITY, Double.NaN, Feature.VOLTAGE_LEVEL, 35));
		m.add("e", "LARGE_INDUSTRIAL", null, row(Feature.VOLATILITY, Double.NaN, Feature.VOLTAGE_LEVEL, Double.NaN));
		var growth = prepare(m, Dimension.GROWTH_POTENTIAL);
		int volatility = Dimension.GROWTH_POTENTIAL.features().indexOf(Feature.VOLATILITY);
		assertThat(growth.values()[volatility][3]).as("median of 0.1, 0.3, 0.9").isEqualTo(0.3);
		assertThat(growth.values()[volatility][4]).isEqualTo(0.3);
		assertThat(distribution(growth, Feature.VOLATILITY).imputed()).isEqualTo(2);
		var social = prepare(m, Dimension.SOCIAL_INFLUENCE);
		int voltage = Dimension.SOCIAL_INFLUENCE.features().indexOf(Feature.VOLTAGE_LEVEL);
		assertThat(social.values()[voltage][1]).as("median of the residential customers").isEqualTo(0.22);
		assertThat(social.values()[voltage][4]).as("median of 110 and 35").isEqualTo(72.5);
		assertThat(distribution(social, Feature.IMPORTANCE_GRADE).imputed()).isZero();
	}

	@Test
	void aMissingValueOfAFeatureThatAlwaysHasOneIsABug() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", null, row(Feature.OVERDUE_BILLS, Double.NaN));
		assertThatThrownBy(() -> prepare(m, Dimension.ARREARS_RISK)).hasMessageContaining("OVERDUE_BILLS").hasMessageContaining("a");
	}

	@Test
	void everyFeatureOfADimensionIsDescribedAtTheSamePercentiles() {
		var m = new FeatureMatrix();
		for (int i = 0; i < 10; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.ANNUAL_REVENUE, 100 * i));
		}
		var p = prepare(m, Dimension.REVENUE_CONTRIBUTION);
		assertThat(p.distributions()).extracting(FeaturePreparation.Distribution::feature)
			.containsExactlyElementsOf(Dimension.REVENUE_CONTRIBUTION.features());
		assertThat(p.distributions()).allSatisfy(d -> {
			assertThat(d.raw()).hasSameSizeAs(FeaturePreparation.PERCENTILES);
			assertThat(d.transformed()).hasSameSizeAs(FeaturePreparation.PERCENTILES);
			assertThat(d.customers()).isEqualTo(10);
		});
	}

}
