package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The drift gate on the hand-made scorecard of {@link CreditModelTest}: known distributions in, verdict out. */
class DriftGateTest {

	static final CreditProperties.Drift GATE = CreditProperties.Drift.DEFAULTS;

	/** Customers with these months delinquent (other indicators in their training proportions). */
	static List<double[]> population(int zero, int oneOrTwo, int threeOrMore) {
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < zero + oneOrTwo + threeOrMore; i++) {
			double months = i < zero ? 0 : i < zero + oneOrTwo ? 1 : 5;
			double days = i % 10 < 6 ? 0 : i % 10 < 9 ? 10 : 40;
			double share = i % 10 < 1 ? 0.2 : i % 10 < 4 ? 0.8 : 0.99;
			rows.add(CreditModelTest.customer(months, days, share));
		}
		return rows;
	}

	static boolean[] recent(int n, int without) {
		boolean[] recent = new boolean[n];
		Arrays.fill(recent, without, n, true);
		return recent;
	}

	@Test
	void theTrainedPopulationPassesWithAStabilityIndexOfZero() {
		CreditModel model = CreditModelTest.handModel();
		var check = DriftGate.check(model, population(500, 300, 200), recent(1000, 0), GATE);
		assertThat(check.fired()).isFalse();
		assertThat(check.psi()[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).isCloseTo(0, within(1e-12));
		assertThat(check.psi()[CreditIndicator.WORST_DAYS_PAST_DUE.ordinal()]).isCloseTo(0, within(1e-12));
		assertThat(check.scoredCounts()[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).containsExactly(500, 300, 200, 0);
	}

	/** Training shares 0.5, 0.3, 0.2 of months delinquent, scored 0.3, 0.3, 0.4: PSI 0.2408, below 0.25; 0.2, 0.3, 0.5 is above. */
	@Test
	void anImportantIndicatorShiftedBeyondThePsiThresholdFiresTheGate() {
		CreditModel model = CreditModelTest.handModel();
		var some = DriftGate.check(model, population(300, 300, 400), recent(1000, 0), GATE);
		assertThat(some.psi()[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).isCloseTo(0.2408, within(1e-4));
		assertThat(some.fired()).isFalse();

		var shifted = DriftGate.check(model, population(200, 300, 500), recent(1000, 0), GATE);
		double psi = (0.2 - 0.5) * Math.log(0.2 / 0.5) + (0.5 - 0.2) * Math.log(0.5 / 0.2);
		assertThat(shifted.psi()[CreditIndicator.DELINQUENT_MONTHS.ordinal()]).isCloseTo(psi, within(1e-12));
		assertThat(shifted.fired()).isTrue();
		assertThat(shifted.shifted()).containsExactly(CreditIndicator.DELINQUENT_MONTHS);
		assertThat(shifted.reasons()).singleElement().asString().startsWith("DELINQUENT_MONTHS shifted: population stability index 0.55");

		var unimportant = DriftGate.check(model, population(200, 300, 500), recent(1000, 0),
				new CreditProperties.Drift(0.25, 0.6, 0.5, CreditProperties.DriftAction.PUBLISH_FLAGGED));
		assertThat(unimportant.fired()).as("information value 0.5 below the important-iv of 0.6").isFalse();
	}

	@Test
	void mostScoredCustomersWithoutRecentHistoryFireTheGate() {
		CreditModel model = CreditModelTest.handModel();
		var half = DriftGate.check(model, population(500, 300, 200), recent(1000, 500), GATE);
		assertThat(half.fired()).as("exactly half is not most").isFalse();
		assertThat(half.shareWithoutRecentHistory()).isEqualTo(0.5);
		var most = DriftGate.check(model, population(500, 300, 200), recent(1000, 980), GATE);
		assertThat(most.fired()).isTrue();
		assertThat(most.withoutRecentHistory()).isEqualTo(980);
		assertThat(most.reasons()).singleElement().asString().startsWith("98 % of the scored customers (980 of 1,000) have no bill issued");
	}

}
