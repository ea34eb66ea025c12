package com.powerkg.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIndexTest {

	@Test
	void keepsEveryKeysValueAcrossGrowthAndPutReplacesIt() {
		var index = new KeyIndex();
		for (int i = 0; i < 50_000; i++) {
			index.put("B" + i, i % 1000);
		}
		assertThat(index.size()).isEqualTo(50_000);
		assertThat(index.get("B0")).isZero();
		assertThat(index.get("B49999")).isEqualTo(999);
		assertThat(index.get("B50000")).as("never put").isEqualTo(-1);

		index.put("B49999", 7);
		assertThat(index.get("B49999")).isEqualTo(7);
		assertThat(index.size()).as("a key put again is not counted again").isEqualTo(50_000);
	}

	@Test
	void putIfAbsentKeepsTheFirstValueAndSaysWhetherThereWasOne() {
		var index = new KeyIndex();
		for (int i = 0; i < 10_000; i++) {
			assertThat(index.putIfAbsent("C" + i, i)).isEqualTo(-1);
		}
		assertThat(index.putIfAbsent("C42", 5)).isEqualTo(42);
		assertThat(index.get("C42")).as("the first value stays").isEqualTo(42);
		assertThat(index.putIfAbsent("C0", 9)).isZero();
		assertThat(index.size()).isEqualTo(10_000);
	}

}
