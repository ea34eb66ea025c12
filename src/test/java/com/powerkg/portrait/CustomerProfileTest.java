package com.powerkg.portrait;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer node edited by hand (Browser, a steward's script) may hold a property in another type than the import's. */
class CustomerProfileTest {

	@Test
	void valuesOfAnotherTypeAreReadAsTheContractTypeWhereThatIsUnambiguous() {
		Map<String, Object> node = new HashMap<>();
		node.put("id", "X1");
		node.put("name", "张三");
		node.put("phone", 13712341111L);
		node.put("voltageKv", 10L);
		node.put("contractCapacityKva", " 630.5 ");
		node.put("openedOn", "2015-03-01");
		node.put("reactiveCompensation", "TRUE");
		node.put("equipmentAccidents", 2.0);
		node.put("assetLiabilityRatio", 0.52);

		var profile = CustomerProfile.fromNode(node);

		assertThat(profile.phone()).isEqualTo("13712341111");
		assertThat(profile.voltageKv()).isEqualTo(10.0);
		assertThat(profile.contractCapacityKva()).isEqualTo(630.5);
		assertThat(profile.openedOn()).isEqualTo(LocalDate.of(2015, 3, 1));
		assertThat(profile.financials().reactiveCompensation()).isTrue();
		assertThat(profile.financials().equipmentAccidents()).isEqualTo(2L);
		assertThat(profile.financials().assetLiabilityRatio()).isEqualTo(0.52);
	}

	@Test
	void valuesThatCannotBeReadAsTheContractTypeAreAbsentNotAFailure() {
		Map<String, Object> node = new HashMap<>();
		node.put("id", "X2");
		node.put("voltageKv", "ten");
		node.put("openedOn", "yesterday");
		node.put("calibrationOnSchedule", "yes");
		node.put("equipmentAccidents", 2.5);
		node.put("region", List.of("A", "B"));
		node.put("currentRatio", 1.2);

		var profile = CustomerProfile.fromNode(node);

		assertThat(profile.voltageKv()).isNull();
		assertThat(profile.openedOn()).isNull();
		assertThat(profile.region()).isNull();
		assertThat(profile.financials().calibrationOnSchedule()).isNull();
		assertThat(profile.financials().equipmentAccidents()).isNull();
		assertThat(profile.financials().currentRatio()).isEqualTo(1.2);
	}

	@Test
	void aDateTimeWhereADateBelongsIsReadAsItsDate() {
		var profile = CustomerProfile.fromNode(Map.of("id", "X3", "openedOn", LocalDateTime.of(2015, 3, 1, 8, 30)));
		assertThat(profile.openedOn()).isEqualTo(LocalDate.of(2015, 3, 1));
	}

}
