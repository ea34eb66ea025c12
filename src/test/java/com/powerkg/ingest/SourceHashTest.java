package com.powerkg.ingest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceHashTest {

	private static Map<String, Object> customer() {
		Map<String, Object> row = new HashMap<>();
		row.put("customer_id", "R001");
		row.put("name", "张伟");
		row.put("usage_category", "RESIDENTIAL");
		row.put("voltage_kv", 0.22);
		row.put("opened_on", LocalDate.of(2015, 3, 1));
		row.put("equipment_accidents", 1L);
		row.put("line", 2L);
		return row;
	}

	@Test
	void theSameRowOnAnotherLineHasTheSameFingerprint() {
		Map<String, Object> moved = customer();
		moved.put("line", 900L);

		assertThat(SourceHash.of(ContractFile.CUSTOMERS, moved)).isEqualTo(SourceHash.of(ContractFile.CUSTOMERS, customer()));
	}

	@Test
	void anyChangedCellChangesTheFingerprint() {
		long original = SourceHash.of(ContractFile.CUSTOMERS, customer());
		for (var change : Map.<String, Object>of("name", "张伟 ", "voltage_kv", 0.38, "opened_on", LocalDate.of(2015, 3, 2),
				"equipment_accidents", 2L, "region", "城东网格01").entrySet()) {
			Map<String, Object> row = customer();
			row.put(change.getKey(), change.getValue());
			assertThat(SourceHash.of(ContractFile.CUSTOMERS, row)).as(change.getKey()).isNotEqualTo(original);
		}
	}

	@Test
	void anEmptyCellDiffersFromEmptyTextAndValuesDoNotRunIntoTheNextColumn() {
		Map<String, Object> empty = customer();
		empty.put("name", null);
		Map<String, Object> blank = customer();
		blank.put("name", "");
		Map<String, Object> shifted = customer();
		shifted.put("customer_id", "R0");
		shifted.put("name", "01张伟");

		assertThat(SourceHash.of(ContractFile.CUSTOMERS, empty)).isNotEqualTo(SourceHash.of(ContractFile.CUSTOMERS, blank));
		assertThat(SourceHash.of(ContractFile.CUSTOMERS, shifted)).isNotEqualTo(SourceHash.of(ContractFile.CUSTOMERS, customer()));
	}

}
