package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the generator draws payment behaviour and defaults (issue K): partial payers with revolving arrears, and
 * defaults that the payment record before the observation date explains only in part.
 */
class CreditBehaviourTest {

	@TempDir
	static Path dir;

	private static GeneratedData data;

	@BeforeAll
	static void generate() throws IOException {
		data = GeneratedData.generate(GeneratorConfig.of(1_500, 24, 11), dir);
	}

	@Test
	void revolvingArrearsAndLessOfEachBillPaidRaiseTheDefaultProbabilityAsDoesAHiddenShock() {
		double inFull = CreditBehaviour.defaultProbability(0.3, CreditBehaviour.Style.IN_FULL, 0.8, false, null, null, 0);
		double revolving = CreditBehaviour.defaultProbability(0.3, CreditBehaviour.Style.PARTIAL, 0.8, false, null, null, 0);
		double revolvingLess = CreditBehaviour.defaultProbability(0.3, CreditBehaviour.Style.PARTIAL, 0.5, false, null, null, 0);
		double shocked = CreditBehaviour.defaultProbability(0.3, CreditBehaviour.Style.IN_FULL, 0.8, true, null, null, 0);
		assertThat(revolving).isGreaterThan(inFull);
		assertThat(revolvingLess).isGreaterThan(revolving);
		assertThat(shocked).isGreaterThan(10 * inFull);
		assertThat(CreditBehaviour.defaultProbability(0, CreditBehaviour.Style.IN_FULL, 0.8, false, null, null, 0))
			.as("a safe customer paying in full").isLessThan(0.02);
	}

	/** A bill due before the observation date and what came by its due date; overdue when that was not all of it. */
	record Paid(String customerId, BigDecimal amount, BigDecimal byDueDate, boolean overdue) {
	}

	@Test
	void partialPayersPayPartOfEachBillByTheDueDateAndTheRestLaterAndDefaultMoreOften() {
		LocalDate observedOn = LocalDate.parse(data.rows("credit_outcomes.csv").getFirst().get("observed_on"));
		Map<String, Paid> bills = billsBefore(observedOn);
		Map<String, Integer> partlyPaid = new HashMap<>();
		bills.values().forEach(b -> {
			if (b.byDueDate().signum() > 0 && b.byDueDate().compareTo(b.amount()) < 0) {
				partlyPaid.merge(b.customerId(), 1, Integer::sum);
			}
		});
		Set<String> revolving = new HashSet<>();
		partlyPaid.forEach((id, n) -> {
			if (n >= 6) {
				revolving.add(id);
			}
		});
		Set<String> postpaid = new HashSet<>();
		bills.values().forEach(b -> postpaid.add(b.customerId()));
		assertThat((double) revolving.size() / postpaid.size()).as("customers paying part of 6 or more bills by the due date")
			.isBetween(0.04, 0.30);

		long revolvingDefaults = 0;
		long revolvingOutcomes = 0;
		long otherDefaults = 0;
		long otherOutcomes = 0;
		for (CsvTable.Row o : data.rows("credit_outcomes.csv")) {
			if (!postpaid.contains(o.get("customer_id"))) {
				continue;
			}
			boolean defaulted = o.get("defaulted").equals("1");
			if (revolving.contains(o.get("customer_id"))) {
				revolvingOutcomes++;
				revolvingDefaults += defaulted ? 1 : 0;
			}
			else {
				otherOutcomes++;
				otherDefaults += defaulted ? 1 : 0;
			}
		}
		assertThat((double) revolvingDefaults / revolvingOutcomes).isGreaterThan(1.5 * otherDefaults / otherOutcomes);
	}

	@Test
	void manyDefaultersHadAnUnblemishedRecordBeforeTheObservationDateSoNoModelCanFindThemAll() {
		LocalDate observedOn = LocalDate.parse(data.rows("credit_outcomes.csv").getFirst().get("observed_on"));
		Map<String, Paid> bills = billsBefore(observedOn);
		Set<String> blemished = new HashSet<>();
		Set<String> postpaid = new HashSet<>();
		bills.values().forEach(b -> {
			postpaid.add(b.customerId());
			if (b.overdue()) {
				blemished.add(b.customerId());
			}
		});
		long defaulters = 0;
		long clean = 0;
		for (CsvTable.Row o : data.rows("credit_outcomes.csv")) {
			if (o.get("defaulted").equals("1") && postpaid.contains(o.get("customer_id"))) {
				defaulters++;
				clean += blemished.contains(o.get("customer_id")) ? 0 : 1;
			}
		}
		assertThat(defaulters).isGreaterThan(30);
		assertThat((double) clean / defaulters).as("defaulters without one overdue bill before the observation date").isGreaterThan(0.15);
	}

	/** Postpaid bills due before the observation date, by bill id. */
	private static Map<String, Paid> billsBefore(LocalDate observedOn) {
		Set<String> prepaid = data.prepaidCustomers();
		Map<String, CsvTable.Row> billRows = new HashMap<>();
		for (CsvTable.Row b : data.rows("bills.csv")) {
			LocalDate due = LocalDate.parse(b.get("due_on"));
			if (!prepaid.contains(b.get("customer_id")) && due.isBefore(observedOn) && new BigDecimal(b.get("amount")).signum() > 0) {
				billRows.put(b.get("bill_id"), b);
			}
		}
		Map<String, BigDecimal> byDue = new HashMap<>();
		for (CsvTable.Row p : data.rows("payments.csv")) {
			CsvTable.Row bill = billRows.get(p.get("bill_id"));
			if (bill == null) {
				continue;
			}
			LocalDate paid = LocalDateTime.parse(p.get("paid_at")).toLocalDate();
			BigDecimal amount = new BigDecimal(p.get("amount"));
			if (!paid.isAfter(LocalDate.parse(bill.get("due_on")))) {
				byDue.merge(p.get("bill_id"), amount, BigDecimal::add);
			}
		}
		Map<String, Paid> bills = new HashMap<>();
		billRows.forEach((id, b) -> {
			BigDecimal amount = new BigDecimal(b.get("amount"));
			BigDecimal due = byDue.getOrDefault(id, BigDecimal.ZERO);
			bills.put(id, new Paid(b.get("customer_id"), amount, due, due.compareTo(amount) < 0));
		});
		return bills;
	}

}
