package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.List;

import com.powerkg.history.CustomerHistory.MonthlyUsage;
import org.junit.jupiter.api.Test;

import static com.powerkg.segmentation.ValueFeaturesTest.D;
import static com.powerkg.segmentation.ValueFeaturesTest.months;
import static com.powerkg.segmentation.ValueFeaturesTest.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which customers' growth cannot be measured, on boundary histories. As of D = 2026-11-20 the last complete month is
 * 2026-10; the 12-month growth compares 2025-11..2026-10 with 2024-11..2025-10 (24 months, from 2024-11).
 */
class ExclusionTest {

	static Exclusion exclusion(List<MonthlyUsage> usage, Feature growth) {
		return Exclusion.of(ValueFeatures.compute(withUsage(usage), D), growth, 3);
	}

	static Exclusion exclusion(List<MonthlyUsage> usage) {
		return exclusion(usage, Feature.GROWTH_12M);
	}

	/** 36 months up to 2026-10 at 100 kWh, with the months given set to {@code kwh}. */
	static List<MonthlyUsage> flat(double kwh, String... months) {
		List<MonthlyUsage> usage = new ArrayList<>(months("2023-11", 36, i -> 100));
		for (String month : months) {
			usage.replaceAll(u -> u.month().toString().equals(month) ? new MonthlyUsage(u.month(), kwh, null) : u);
		}
		return usage;
	}

	@Test
	void aCustomerConsumingEveryMonthIsClustered() {
		assertThat(exclusion(flat(100))).isNull();
		assertThat(exclusion(months("2024-11", 24, i -> 100))).as("exactly the 24 months the growth compares").isNull();
	}

	@Test
	void threeMonthsWithoutConsumptionMakeACustomerStoppedTwoDoNot() {
		assertThat(exclusion(flat(0, "2026-08", "2026-09", "2026-10")))
			.isEqualTo(new Exclusion(Exclusion.Level.STOPPED, Exclusion.Reason.STOPPED_CONSUMING));
		assertThat(exclusion(flat(0, "2026-09", "2026-10"))).isNull();
		assertThat(exclusion(months("2023-11", 33, i -> 100))).as("no rows for the last three months count as no consumption")
			.isEqualTo(new Exclusion(Exclusion.Level.STOPPED, Exclusion.Reason.STOPPED_CONSUMING));
	}

	@Test
	void aCustomerThatNeverConsumedIsStoppedOneWithoutDataHasNoHistory() {
		assertThat(exclusion(months("2023-11", 36, i -> 0)))
			.isEqualTo(new Exclusion(Exclusion.Level.STOPPED, Exclusion.Reason.NO_CONSUMPTION));
		assertThat(exclusion(List.of()))
			.isEqualTo(new Exclusion(Exclusion.Level.INSUFFICIENT_HISTORY, Exclusion.Reason.NO_CONSUMPTION_DATA));
	}

	@Test
	void consumptionThatBeganFewerThanTwentyFourMonthsAgoIsTooShortAHistory() {
		// zero rows before the first consumption: a vacant flat (空置房) that was occupied in 2024-12, 23 months ago
		var vacantUntil = months("2023-11", 36, i -> i < 13 ? 0 : 100);
		assertThat(exclusion(vacantUntil))
			.isEqualTo(new Exclusion(Exclusion.Level.INSUFFICIENT_HISTORY, Exclusion.Reason.STARTED_LATE));
		var occupiedOneMonthEarlier = months("2023-11", 36, i -> i < 12 ? 0 : 100);
		assertThat(exclusion(occupiedOneMonthEarlier)).as("2024-11: 24 months ago").isNull();
		assertThat(exclusion(vacantUntil, Feature.GROWTH_3M)).as("the 3-month growth needs 15 months").isNull();
	}

	@Test
	void aMonthTheGrowthComparesWithoutARowIsMissing() {
		List<MonthlyUsage> gap = new ArrayList<>(flat(100));
		gap.removeIf(u -> u.month().toString().equals("2025-03"));
		assertThat(exclusion(gap)).isEqualTo(new Exclusion(Exclusion.Level.INSUFFICIENT_HISTORY, Exclusion.Reason.MISSING_MONTHS));
		assertThat(exclusion(gap, Feature.GROWTH_3M)).as("2025-03 is not among the months the 3-month growth compares").isNull();
	}

	@Test
	void aNearZeroBaseIsConsumptionNotAMissingHistory() {
		// grows from 0.5 kWh a month to 500: an outlier of growth, clustered (and capped), not excluded
		assertThat(exclusion(months("2023-11", 36, i -> i < 24 ? 0.5 : 500))).isNull();
	}

	@Test
	void theTwelveMonthGrowthDefinesTheLevelsUnlessMostCustomersStillConsumingLackIt() {
		var m = new FeatureMatrix();
		m.add("a", "RESIDENTIAL", null, TestRows.row(Feature.GROWTH_12M, 0.1));
		m.add("b", "RESIDENTIAL", null, TestRows.row(Feature.GROWTH_12M, Double.NaN));
		assertThat(Exclusion.definingGrowthFeature(m, 3)).as("half have it").isEqualTo(Feature.GROWTH_12M);
		m.add("c", "RESIDENTIAL", null, TestRows.row(Feature.GROWTH_12M, Double.NaN));
		assertThat(Exclusion.definingGrowthFeature(m, 3)).isEqualTo(Feature.GROWTH_3M);
		m.add("stopped", "RESIDENTIAL", null, TestRows.withFacts(TestRows.row(Feature.GROWTH_12M, -3.0), 36, 36, 5));
		m.add("stopped too", "RESIDENTIAL", null, TestRows.withFacts(TestRows.row(Feature.GROWTH_12M, -3.0), 36, 36, 5));
		assertThat(Exclusion.definingGrowthFeature(m, 3)).as("stopped customers do not count").isEqualTo(Feature.GROWTH_3M);
	}

}
