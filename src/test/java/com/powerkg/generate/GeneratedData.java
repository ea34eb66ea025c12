package com.powerkg.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One generated directory loaded back through the test's own CSV reader, plus the facts tests derive from it. */
final class GeneratedData {

	static final List<String> FILES = List.of("customers.csv", "consumption.csv", "bills.csv", "payments.csv",
			"dunning_contacts.csv", "work_orders.csv", "credit_outcomes.csv");

	final GeneratorConfig config;
	final GenerationReport report;
	final Map<String, CsvTable> tables = new HashMap<>();

	private GeneratedData(GeneratorConfig config, GenerationReport report, Path dir) throws IOException {
		this.config = config;
		this.report = report;
		for (String file : FILES) {
			tables.put(file, CsvTable.read(dir.resolve(file)));
		}
	}

	static GeneratedData generate(GeneratorConfig config, Path dir) throws IOException {
		GenerationReport report = new DataGenerator(written -> { }).generate(config, dir);
		return new GeneratedData(config, report, dir);
	}

	List<CsvTable.Row> rows(String file) {
		return tables.get(file).rows();
	}

	LocalDate extractDate() {
		return config.extractDate();
	}

	Set<String> prepaidCustomers() {
		Set<String> ids = new HashSet<>();
		for (CsvTable.Row c : rows("customers.csv")) {
			if (c.get("payment_mode").equals("PREPAID")) {
				ids.add(c.get("customer_id"));
			}
		}
		return ids;
	}

	/** A postpaid bill with its settle time (when paid-in reached the amount), null when not settled. */
	record SettledBill(String billId, String customerId, String period, LocalDate issuedOn, LocalDate dueOn,
					   BigDecimal amount, LocalDateTime settledAt) {

		/** SPEC §3: paid after the due date, or unpaid and the as-of date is past the due date. */
		boolean overdueAt(LocalDate asOf) {
			return settledAt == null ? asOf.isAfter(dueOn) : settledAt.toLocalDate().isAfter(dueOn);
		}
	}

	/** Postpaid bills with a positive amount: the ones that must be paid. */
	List<SettledBill> payableBills() {
		Set<String> prepaid = prepaidCustomers();
		Map<String, List<CsvTable.Row>> paymentsByBill = new HashMap<>();
		for (CsvTable.Row p : rows("payments.csv")) {
			if (!p.get("bill_id").isEmpty()) {
				paymentsByBill.computeIfAbsent(p.get("bill_id"), id -> new ArrayList<>()).add(p);
			}
		}
		List<SettledBill> bills = new ArrayList<>();
		for (CsvTable.Row b : rows("bills.csv")) {
			BigDecimal amount = new BigDecimal(b.get("amount"));
			if (prepaid.contains(b.get("customer_id")) || amount.signum() <= 0) {
				continue;
			}
			List<CsvTable.Row> payments = new ArrayList<>(paymentsByBill.getOrDefault(b.get("bill_id"), List.of()));
			payments.sort(Comparator.comparing(p -> p.get("paid_at")));
			BigDecimal paid = BigDecimal.ZERO;
			LocalDateTime settledAt = null;
			for (CsvTable.Row p : payments) {
				paid = paid.add(new BigDecimal(p.get("amount")));
				if (paid.compareTo(amount) >= 0) {
					settledAt = LocalDateTime.parse(p.get("paid_at"));
					break;
				}
			}
			bills.add(new SettledBill(b.get("bill_id"), b.get("customer_id"), b.get("period"),
					LocalDate.parse(b.get("issued_on")), LocalDate.parse(b.get("due_on")), amount, settledAt));
		}
		return bills;
	}
}
