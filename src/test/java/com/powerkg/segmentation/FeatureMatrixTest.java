package com.powerkg.segmentation;

import org.junit.jupiter.api.Test;

import static com.powerkg.segmentation.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureMatrixTest {

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
	void aRowMustHoldTheSixteenFeaturesAndTheUsageFacts() {
		assertThatThrownBy(() -> new FeatureMatrix().add("a", null, null, new double[Feature.values().length]))
			.hasMessageContaining("expected " + ValueFeatures.WIDTH);
	}

}
