package com.powerkg.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan's money rules on a customer's bills and top-ups: the balance on D and the average monthly bill, at their
 * date edges, and the same whatever order the items come in (a run's history, a ledger and the database list them
 * differently, and the stored plan must equal the computed one).
 */
class LedgerTest {

	private static final LocalDate D = LocalDate.of(2026, 11, 20);

	@Test
	void theBalanceCountsTopUpsUpToTheEndOfDAndBillsIssuedByD() {
		Ledger ledger = new Ledger(List.of(LocalDate.of(2026, 10, 2), D, D.plusDays(1)), List.of("2026-09", "2026-10", "2026-10"),
				List.of(100.0, 50.0, 1000.0),
				List.of(LocalDateTime.of(2026, 9, 25, 10, 0), D.atTime(23, 59, 59), D.plusDays(1).atStartOfDay()),
				List.of(100.0, 49.99, 1000.0));
		assertThat(ledger.balance(D)).as("a cent short: the bill of D counts, the top-up at D+1 00:00 and the bill of D+1 do not")
			.isEqualTo(-0.01);
		assertThat(ledger.balance(D.minusDays(1))).as("before D's bill and top-up").isEqualTo(0.0);
	}

	@Test
	void theAverageIsOfThePositiveBillsOfThe12PeriodsBeforeDsMonthIssuedByD() {
		Ledger ledger = new Ledger(
				List.of(LocalDate.of(2025, 11, 2), LocalDate.of(2025, 12, 2), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 2),
						LocalDate.of(2026, 12, 2), LocalDate.of(2026, 9, 2)),
				List.of("2025-10", "2025-11", "2026-10", "2026-09", "2026-10", "2026-08"),
				List.of(999.0, 30.0, 60.0, -20.0, 999.0, 0.0), List.of(), List.of());
		// 2025-10 is 13 periods back; 2026-09's credit note and 2026-08's nothing are not bills to average; the second
		// 2026-10 bill is issued after D
		assertThat(ledger.averageMonthlyBill(D)).isEqualTo(45.0);
		assertThat(new Ledger(List.of(), List.of(), List.of(), List.of(), List.of()).averageMonthlyBill(D)).isZero();
	}

	@Test
	void theSameItemsInAnyOrderGiveTheSameFigures() {
		// amounts whose sums in floating point depend on the order, and whose 60 % of the mean lies near a half cent
		List<Double> amounts = List.of(0.1, 0.2, 0.3, 10.07, 33.33, 66.67, 0.01);
		Set<Double> averages = new HashSet<>();
		Set<Double> balances = new HashSet<>();
		for (List<Double> order : permutations(amounts)) {
			List<LocalDate> issued = Collections.nCopies(order.size(), LocalDate.of(2026, 10, 2));
			List<String> periods = Collections.nCopies(order.size(), "2026-09");
			List<LocalDateTime> at = Collections.nCopies(order.size(), LocalDateTime.of(2026, 10, 1, 8, 0));
			Ledger ledger = new Ledger(issued, periods, order, at, order.reversed());
			averages.add(ledger.averageMonthlyBill(D));
			balances.add(ledger.balance(D));
		}
		assertThat(averages).containsExactly(110.68 / 7);
		assertThat(balances).as("top-ups equal to the bills: nothing, not a hair below").containsExactly(0.0);
	}

	@Test
	void listsOfDifferentLengthsAreRefused() {
		assertThatThrownBy(() -> new Ledger(List.of(D), List.of(), List.of(1.0), List.of(), List.of()))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
	}

	private static List<List<Double>> permutations(List<Double> items) {
		if (items.isEmpty()) {
			return List.of(List.of());
		}
		List<List<Double>> all = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			List<Double> rest = new ArrayList<>(items);
			Double first = rest.remove(i);
			for (List<Double> tail : permutations(rest)) {
				List<Double> one = new ArrayList<>();
				one.add(first);
				one.addAll(tail);
				all.add(one);
			}
		}
		return all;
	}

}
