package com.powerkg.segmentation;

import java.util.Arrays;

import com.powerkg.contract.ContractCodes;
import com.powerkg.contract.ValueDimension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Segmentation's dimensions are the product's value dimensions, and the exclusion levels it assigns are theirs. */
class DimensionTest {

	@Test
	void theDimensionsAreTheValueDimensionsInTheirOrder() {
		assertThat(ContractCodes.names(Dimension.class)).containsExactlyElementsOf(ContractCodes.names(ValueDimension.class));
		for (Dimension d : Dimension.values()) {
			assertThat(d.codes().name()).isEqualTo(d.name());
			assertThat(d.levels()).hasSize(d.defaultK());
		}
	}

	@Test
	void theExclusionLevelsAssignedAreExactlyGrowthsExclusionLevels() {
		assertThat(Arrays.stream(Exclusion.Level.values()).map(Enum::name))
			.containsExactlyElementsOf(Dimension.GROWTH_POTENTIAL.exclusionLevels());
		assertThat(Dimension.GROWTH_POTENTIAL.allLevels()).endsWith("STOPPED", "INSUFFICIENT_HISTORY");
		assertThat(Dimension.REVENUE_CONTRIBUTION.exclusionLevels()).isEmpty();
	}

}
