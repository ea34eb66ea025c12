package com.powerkg.credit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditPropertiesTest {

	static CreditProperties with(List<Double> cutoffs, double floor, int heldOut) {
		return new CreditProperties(cutoffs, 0.2, floor, heldOut, 42, 10, 3, 2000, CreditModel.Kind.FISHER);
	}

	@Test
	void wrongSettingsAreRefusedNamingTheSetting() {
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10), 0.65, 30)).hasMessageContaining("powerkg.credit.grade-cutoffs needs 4");
		assertThatThrownBy(() -> with(List.of(0.05, 0.02, 0.10, 0.20), 0.65, 30)).hasMessageContaining("must rise strictly");
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10, 0.20), 1.5, 30)).hasMessageContaining("powerkg.credit.auc-floor");
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10, 0.20), 0.65, 90)).hasMessageContaining("held-out-percent must be 5..50");
	}

	@Test
	void theHeldOutShareIsAboutTheConfiguredPercentAndFollowsTheSeed() {
		var p = with(List.of(0.02, 0.05, 0.10, 0.20), 0.65, 30);
		long held = java.util.stream.IntStream.range(0, 10_000).filter(i -> p.heldOut(String.format("C%08d", i))).count();
		assertThat(held).isBetween(2_700L, 3_300L);
		var other = new CreditProperties(List.of(0.02, 0.05, 0.10, 0.20), 0.2, 0.65, 30, 7, 10, 3, 2000, CreditModel.Kind.FISHER);
		long differ = java.util.stream.IntStream.range(0, 1_000).filter(i -> p.heldOut("C" + i) != other.heldOut("C" + i)).count();
		assertThat(differ).as("another split-seed holds out other customers").isPositive();
	}

}
