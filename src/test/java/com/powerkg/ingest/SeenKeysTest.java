package com.powerkg.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenKeysTest {

	@Test
	void remembersTheFirstLineOfEveryKeyAcrossGrowth() {
		var seen = new SeenKeys();
		for (int i = 0; i < 50_000; i++) {
			assertThat(seen.firstSeenOrRecord("C" + i, i + 2)).isZero();
		}
		assertThat(seen.firstSeenOrRecord("C0", 60_000)).isEqualTo(2);
		assertThat(seen.firstSeenOrRecord("C49999", 60_001)).isEqualTo(50_001);
		assertThat(seen.firstSeenOrRecord("C50000", 60_002)).isZero();
	}

}
