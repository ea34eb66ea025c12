package com.powerkg.segmentation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentationPropertiesTest {

	static SegmentationProperties withK(Map<String, String> k) {
		return new SegmentationProperties(k, 42, 3, 100, 2000, 5000);
	}

	@Test
	void thePapersKUnlessConfigured() {
		assertThat(SegmentationProperties.DEFAULTS.choices()).containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.REVENUE_CONTRIBUTION, 3,
				Dimension.SOCIAL_INFLUENCE, 3, Dimension.GROWTH_POTENTIAL, 4, Dimension.ARREARS_RISK, 3));
		assertThat(withK(Map.of("growth-potential", "auto", "ARREARS_RISK", "5")).choices())
			.containsEntry(Dimension.GROWTH_POTENTIAL, 0)
			.containsEntry(Dimension.ARREARS_RISK, 5)
			.containsEntry(Dimension.REVENUE_CONTRIBUTION, 3);
	}

	@Test
	void aWrongDimensionOrKIsRefusedWithTheChoices() {
		assertThatThrownBy(() -> withK(Map.of("revenue", "3"))).hasMessageContaining("revenue-contribution");
		assertThatThrownBy(() -> withK(Map.of("arrears-risk", "9"))).hasMessageContaining("from 2 to 8 or 'auto'");
		assertThatThrownBy(() -> withK(Map.of("arrears-risk", "many"))).hasMessageContaining("arrears-risk=many");
	}

	@Test
	void sizeLimitsBandAndStoppedMonthsHaveDocumentedDefaultsAndAreChecked() {
		var defaults = SegmentationProperties.DEFAULTS;
		assertThat(defaults.maxLevelShare()).isEqualTo(0.70);
		assertThat(defaults.minLevelShare()).isEqualTo(0.01);
		assertThat(defaults.stableGrowthBand()).isEqualTo(0.10);
		assertThat(defaults.stoppedMonths()).isEqualTo(3);
		assertThatThrownBy(() -> new SegmentationProperties(Map.of(), 42, 3, 100, 2000, 5000, 0.5, 0.6, 0.1, 3, null))
			.hasMessageContaining("min-level-share");
		assertThatThrownBy(() -> new SegmentationProperties(Map.of(), 42, 3, 100, 2000, 5000, 0.7, 0.01, 0, 3, null))
			.hasMessageContaining("stable-growth-band");
		assertThatThrownBy(() -> new SegmentationProperties(Map.of(), 42, 3, 100, 2000, 5000, 0.7, 0.01, 0.1, 0, null))
			.hasMessageContaining("stopped-months");
	}

}
