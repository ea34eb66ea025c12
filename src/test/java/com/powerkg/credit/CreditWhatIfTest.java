package com.powerkg.credit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.powerkg.credit.CreditModelTest.customer;
import static com.powerkg.credit.CreditModelTest.handModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The what-if over a few customers of the hand-made scorecard (CreditModelTest.handModel). */
class CreditWhatIfTest {

	@Test
	void twoMoreMonthsDelinquentAveragedOverCustomersWithEachGradeCounted() {
		CreditModel model = handModel();
		List<double[]> rows = List.of(customer(0, 10, 0.98), customer(3, 10, 0.98));
		var whatIf = CreditWhatIf.over(model, rows, new Credit.IndicatorChange("DELINQUENT_MONTHS", 2), null, "run-1");

		// the first moves from bin 0 to bin 1-2 (+1.5 WoE at weight 1), the second stays in 3+
		double s0 = model.score(rows.get(0));
		double s1 = model.score(rows.get(1));
		assertThat(whatIf.customers()).isEqualTo(2);
		assertThat(whatIf.customersChanged()).isEqualTo(2);
		assertThat(whatIf.scoreBefore()).isCloseTo((s0 + s1) / 2, within(1e-12));
		assertThat(whatIf.scoreAfter()).isCloseTo((s0 + 1.5 + s1) / 2, within(1e-12));
		assertThat(whatIf.probabilityOfDefaultBefore()).isCloseTo(
				(model.probabilityOfDefault(s0) + model.probabilityOfDefault(s1)) / 2, within(1e-12));
		assertThat(whatIf.gradesBefore()).extracting(Credit.GradeCount::grade).containsExactlyElementsOf(CreditModel.GRADES);
		assertThat(whatIf.gradesBefore().stream().mapToLong(Credit.GradeCount::customers).sum()).isEqualTo(2);
		assertThat(whatIf.gradesAfter().stream().filter(g -> g.grade().equals(model.grade(model.probabilityOfDefault(s0 + 1.5))))
			.findFirst().orElseThrow().customers()).isPositive();
		assertThat(whatIf.indicatorInModel()).isTrue();
		assertThat(whatIf.run()).isEqualTo("run-1");
	}

	@Test
	void aCustomerWithoutTheIndicatorIsLeftAsItIsAndNotCountedAsChanged() {
		CreditModel model = handModel();
		List<double[]> rows = List.of(customer(0, 10, 0.98), customer(1, 10, 0.98));
		var whatIf = CreditWhatIf.over(model, rows, new Credit.IndicatorChange("ASSET_LIABILITY_RATIO", 0.1), null, "run-1");
		assertThat(whatIf.customersChanged()).as("no balance sheet: nothing to change").isZero();
		assertThat(whatIf.scoreAfter()).isEqualTo(whatIf.scoreBefore());
		assertThat(whatIf.indicatorInModel()).as("the scorecard does not use it").isFalse();
	}

	@Test
	void aRiskGroupWorsenedMovesEveryCustomer() {
		CreditModel model = handModel();
		List<double[]> rows = List.of(customer(0, 0, 0.98));
		var whatIf = CreditWhatIf.over(model, rows, null, new Credit.RiskGroupChange("MARKET", 1), "run-1");
		assertThat(whatIf.customersChanged()).isEqualTo(1);
		assertThat(whatIf.scoreAfter()).isEqualTo(model.score(model.worsened(rows.get(0), CreditIndicator.RiskGroup.MARKET, 1)));
		assertThat(whatIf.scoreAfter()).isGreaterThan(whatIf.scoreBefore());
		assertThat(whatIf.indicatorInModel()).isNull();
	}

}
