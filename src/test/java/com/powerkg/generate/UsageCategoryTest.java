package com.powerkg.generate;

import java.util.Arrays;

import com.powerkg.contract.ContractCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's usage categories (each with its tariff and load shape) are the contract's codes, no more, no fewer. */
class UsageCategoryTest {

	@Test
	void theGeneratorsCategoriesAreTheContractsCodes() {
		assertThat(Arrays.stream(UsageCategory.values()).map(Enum::name).toList())
			.containsExactlyElementsOf(ContractCodes.names(ContractCodes.UsageCategory.class));
	}

}
