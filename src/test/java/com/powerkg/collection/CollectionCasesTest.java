package com.powerkg.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import com.powerkg.history.CustomerHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case lists its open bills by due date, then id, whatever order they came in: the stored plan of a run and the plan
 * computed from the graph for the same date must list a task's bills alike (StoredPlanTest; it differed in CI).
 */
class CollectionCasesTest {

	@Test
	void openBillsAreListedByDueDateWhateverOrderTheHistoryHolds() {
		var bills = List.of(bill("B-202609", YearMonth.of(2026, 9)), bill("B-202511", YearMonth.of(2025, 11)),
				bill("B-202608", YearMonth.of(2026, 8)));
		var history = CustomerHistory.of("C1", false, bills, List.of(), List.of());

		var c = CollectionCases.of(history, Set.of(), LocalDate.of(2026, 10, 20)).orElseThrow();

		assertThat(c.bills()).extracting(CollectionCase.OpenBill::id).containsExactly("B-202511", "B-202608", "B-202609");
	}

	private static CustomerHistory.Bill bill(String id, YearMonth period) {
		return new CustomerHistory.Bill(id, period, period.plusMonths(1).atDay(1), period.plusMonths(1).atDay(20), 100.0, "NONE",
				List.of());
	}

}
