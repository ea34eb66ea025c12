package com.powerkg.segmentation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureMatrixTest {

	/** All features 1 except those set. */
	static double[] row(Object... featureValuePairs) {
		double[] x = new double[Feature.values().length];
		Arrays.fill(x, 1);
		for (int i = 0; i < featureValuePairs.length; i += 2) {
			x[((Feature) featureValuePairs[i]).ordinal()] = ((Number) featureValuePairs[i + 1]).doubleValue();
		}
		return x;
	}

	@Test
	void regionRevenueShareIsPerMilleOfTheRegionsRevenue() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", "R1", row(Feature.ANNUAL_REVENUE, 300));
		m.add("b", "RESIDENTIAL", "R1", row(Feature.ANNUAL_REVENUE, 100));
		m.add("c", "RESIDENTIAL", "R2", row(Feature.ANNUAL_REVENUE, 50));
		m.add("d", "RESIDENTIAL", "R2", row(Feature.ANNUAL_REVENUE, -20));
		m.prepare();
		assertThat(m.raw(0, Feature.REGION_REVENUE_SHARE)).isEqualTo(750);
		assertThat(m.raw(1, Feature.REGION_REVENUE_SHARE)).isEqualTo(250);
		assertThat(m.raw(2, Feature.REGION_REVENUE_SHARE)).as("a refund counts as no revenue").isEqualTo(1000);
		assertThat(m.raw(3, Feature.REGION_REVENUE_SHARE)).isZero();
	}

	@Test
	void missingValuesTakeTheMedianOfObservedValuesAndAreCounted() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", null, row(Feature.GROWTH_12M, 0.1, Feature.VOLTAGE_LEVEL, 0.22));
		m.add("b", "RESIDENTIAL", null, row(Feature.GROWTH_12M, 0.3, Feature.VOLTAGE_LEVEL, Double.NaN));
		m.add("c", "LARGE_INDUSTRIAL", null, row(Feature.GROWTH_12M, 0.9, Feature.VOLTAGE_LEVEL, 110));
		m.add("d", "LARGE_INDUSTRIAL", null, row(Feature.GROWTH_12M, Double.NaN, Feature.VOLTAGE_LEVEL, 35));
		m.add("e", "LARGE_INDUSTRIAL", null, row(Feature.GROWTH_12M, Double.NaN, Feature.VOLTAGE_LEVEL, Double.NaN));
		m.prepare();
		assertThat(m.raw(3, Feature.GROWTH_12M)).as("median of 0.1, 0.3, 0.9").isEqualTo(0.3);
		assertThat(m.raw(4, Feature.GROWTH_12M)).isEqualTo(0.3);
		assertThat(m.raw(1, Feature.VOLTAGE_LEVEL)).as("median of the residential customers").isEqualTo(0.22);
		assertThat(m.raw(4, Feature.VOLTAGE_LEVEL)).as("median of 110 and 35").isEqualTo(72.5);
		assertThat(m.imputed()).containsEntry(Feature.GROWTH_12M, 2).containsEntry(Feature.VOLTAGE_LEVEL, 2)
			.containsEntry(Feature.ANNUAL_REVENUE, 0);
	}

	@Test
	void aMissingValueOfAFeatureThatAlwaysHasOneIsABug() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", null, row(Feature.OVERDUE_BILLS, Double.NaN));
		assertThatThrownBy(m::prepare).hasMessageContaining("OVERDUE_BILLS").hasMessageContaining("a");
	}

	@Test
	void heavyTailsAreLoggedThenEveryFeatureIsStandardised() {
		var m = new FeatureMatrix();
		double[] revenue = {0, Math.E - 1, Math.exp(2) - 1};
		for (int i = 0; i < revenue.length; i++) {
			m.add("c" + i, "RESIDENTIAL", "R", row(Feature.ANNUAL_REVENUE, revenue[i], Feature.IMPORTANCE_GRADE, i));
		}
		double[][] x = m.prepare().dimension(Dimension.REVENUE_CONTRIBUTION);
		// log1p gives 0, 1, 2: mean 1, population sd sqrt(2/3)
		double sd = Math.sqrt(2.0 / 3);
		assertThat(x[0][0]).isCloseTo(-1 / sd, within(1e-12));
		assertThat(x[1][0]).isCloseTo(0, within(1e-12));
		assertThat(x[2][0]).isCloseTo(1 / sd, within(1e-12));
		assertThat(x[0][3]).as("a constant feature standardises to 0").isZero();
		double[][] social = m.dimension(Dimension.SOCIAL_INFLUENCE);
		assertThat(social[2][0]).as("importance is not logged").isCloseTo(1 / sd, within(1e-12));
	}

}
