package com.powerkg.credit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditPropertiesTest {

	static CreditProperties with(List<Double> cutoffs, double floor, int heldOut) {
		var d = CreditProperties.DEFAULTS;
		return new CreditProperties(cutoffs, 0.2, floor, heldOut, 42, 10, 3, 2000, d.model(), d.championMargin(), d.outcomeWindowMonths(),
				d.scorecard(), d.challengers(), d.drift());
	}

	@Test
	void wrongSettingsAreRefusedNamingTheSetting() {
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10), 0.65, 30)).hasMessageContaining("powerkg.credit.grade-cutoffs needs 4");
		assertThatThrownBy(() -> with(List.of(0.05, 0.02, 0.10, 0.20), 0.65, 30)).hasMessageContaining("must rise strictly");
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10, 0.20), 1.5, 30)).hasMessageContaining("powerkg.credit.auc-floor");
		assertThatThrownBy(() -> with(List.of(0.02, 0.05, 0.10, 0.20), 0.65, 90)).hasMessageContaining("held-out-percent must be 5..50");
		assertThatThrownBy(() -> CreditProperties.DEFAULTS.withOutcomeWindowMonths(0)).hasMessageContaining("powerkg.credit.outcome-window-months");
		assertThatThrownBy(() -> new CreditProperties.Drift(0, 0.1, 0.5, CreditProperties.DriftAction.KEEP_PREVIOUS))
			.hasMessageContaining("powerkg.credit.drift");
		assertThatThrownBy(() -> new CreditProperties.Scorecard(1, 20, 0.05, 50, 50, 0.02)).hasMessageContaining("powerkg.credit.scorecard");
	}

	@Test
	void theHeldOutShareIsAboutTheConfiguredPercentAndFollowsTheSeed() {
		var p = with(List.of(0.02, 0.05, 0.10, 0.20), 0.65, 30);
		long held = java.util.stream.IntStream.range(0, 10_000).filter(i -> p.heldOut(String.format("C%08d", i))).count();
		assertThat(held).isBetween(2_700L, 3_300L);
		var other = p.withSplitSeed(7);
		long differ = java.util.stream.IntStream.range(0, 1_000).filter(i -> p.heldOut("C" + i) != other.heldOut("C" + i)).count();
		assertThat(differ).as("another split-seed holds out other customers").isPositive();
	}

}
