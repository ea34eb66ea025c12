package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files obey DATA-CONTRACT.md: names, columns, formats, keys and references. */
class GeneratedFilesContractTest {

	private static final Map<String, List<String>> CONTRACT_HEADERS = Map.of(
			"customers.csv", List.of("customer_id", "name", "phone", "usage_category", "industry_code", "voltage_kv",
					"contract_capacity_kva", "importance", "payment_mode", "region", "opened_on", "social_credit",
					"asset_liability_ratio", "current_ratio", "return_on_net_assets", "loan_on_time_rate",
					"reactive_compensation", "calibration_on_schedule", "equipment_accidents"),
			"consumption.csv", List.of("customer_id", "month", "kwh", "peak_kwh", "flat_kwh", "valley_kwh"),
			"bills.csv", List.of("bill_id", "customer_id", "period", "issued_on", "due_on", "amount", "anomaly"),
			"payments.csv", List.of("payment_id", "customer_id", "bill_id", "paid_at", "amount", "channel", "kind"),
			"dunning_contacts.csv", List.of("contact_id", "customer_id", "bill_id", "contacted_at", "round", "method",
					"reached", "response"),
			"work_orders.csv", List.of("order_id", "customer_id", "created_at", "type", "topic", "channel"),
			"credit_outcomes.csv", List.of("customer_id", "observed_on", "defaulted"));

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
	private static final Pattern MONEY = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
	private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
	private static final Pattern BOOLEAN = Pattern.compile("true|false");

	@TempDir
	static Path dir;

	private static GeneratedData data;

	@BeforeAll
	static void generate() throws IOException {
		data = GeneratedData.generate(GeneratorConfig.of(500, 24, 7), dir);
	}

	@Test
	void writesExactlyTheContractFiles() throws IOException {
		try (var files = Files.list(dir)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(CONTRACT_HEADERS.keySet());
		}
	}

	@Test
	void everyFileStartsWithExactlyTheContractHeader() {
		CONTRACT_HEADERS.forEach((file, header) -> assertThat(data.tables.get(file).header()).as(file).isEqualTo(header));
	}

	@Test
	void everyRowHasTheHeadersColumnCount() {
		for (CsvTable table : data.tables.values()) {
			for (List<String> record : table.records()) {
				assertThat(record).as(table.fileName()).hasSameSizeAs(table.header());
			}
		}
	}

	@Test
	void filesAreUtf8WithoutByteOrderMarkAndEndLinesWithLineFeedOnly() throws IOException {
		for (String file : GeneratedData.FILES) {
			byte[] bytes = Files.readAllBytes(dir.resolve(file));
			assertThat(bytes[0]).as(file).isNotEqualTo((byte) 0xEF);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file).doesNotContain("\r").endsWith("\n");
		}
	}

	@Test
	void idsAreUniqueNaturalKeysComposedFromTheCustomerId() {
		assertUniqueAndPrefixed("customers.csv", "customer_id", "C\\d{8}");
		assertUniqueAndPrefixed("bills.csv", "bill_id", "C\\d{8}-\\d{6}");
		assertUniqueAndPrefixed("payments.csv", "payment_id", "C\\d{8}-P\\d{4}");
		assertUniqueAndPrefixed("dunning_contacts.csv", "contact_id", "C\\d{8}-D\\d{4}");
		assertUniqueAndPrefixed("work_orders.csv", "order_id", "C\\d{8}-W\\d{4}");
		for (CsvTable.Row b : data.rows("bills.csv")) {
			assertThat(b.get("bill_id")).isEqualTo(b.get("customer_id") + "-" + b.get("period").replace("-", ""));
		}
	}

	@Test
	void everyCustomerIdExistsInCustomers() {
		Set<String> customers = column("customers.csv", "customer_id");
		for (String file : GeneratedData.FILES) {
			for (CsvTable.Row row : data.rows(file)) {
				assertThat(customers).as(file).contains(row.get("customer_id"));
			}
		}
	}

	@Test
	void billIdsOfPaymentsAndContactsExistAndBelongToTheSameCustomer() {
		Map<String, String> billOwner = new HashMap<>();
		data.rows("bills.csv").forEach(b -> billOwner.put(b.get("bill_id"), b.get("customer_id")));
		for (String file : List.of("payments.csv", "dunning_contacts.csv")) {
			for (CsvTable.Row row : data.rows(file)) {
				if (!row.get("bill_id").isEmpty()) {
					assertThat(billOwner.get(row.get("bill_id"))).as(file + " " + row.values()).isEqualTo(row.get("customer_id"));
				}
			}
		}
	}

	@Test
	void paymentsOfABillNeverExceedItsAmountAndBillPaymentsAreOnlyForPostpaidCustomers() {
		Map<String, BigDecimal> amount = new HashMap<>();
		data.rows("bills.csv").forEach(b -> amount.put(b.get("bill_id"), new BigDecimal(b.get("amount"))));
		Map<String, BigDecimal> paid = new HashMap<>();
		Set<String> prepaid = data.prepaidCustomers();
		for (CsvTable.Row p : data.rows("payments.csv")) {
			assertThat(new BigDecimal(p.get("amount"))).isPositive();
			if (p.get("kind").equals("BILL")) {
				assertThat(p.get("bill_id")).isNotEmpty();
				assertThat(prepaid).doesNotContain(p.get("customer_id"));
				paid.merge(p.get("bill_id"), new BigDecimal(p.get("amount")), BigDecimal::add);
			} else {
				assertThat(p.get("bill_id")).isEmpty();
				assertThat(prepaid).contains(p.get("customer_id"));
			}
		}
		paid.forEach((bill, sum) -> assertThat(sum).as(bill).isLessThanOrEqualTo(amount.get(bill)));
	}

	@Test
	void nothingHappensAfterTheExtractDate() {
		LocalDate extract = data.extractDate();
		data.rows("bills.csv").forEach(r -> assertThat(LocalDate.parse(r.get("issued_on"))).isBeforeOrEqualTo(extract));
		data.rows("payments.csv").forEach(r -> assertThat(LocalDateTime.parse(r.get("paid_at")).toLocalDate()).isBeforeOrEqualTo(extract));
		data.rows("dunning_contacts.csv").forEach(r -> assertThat(LocalDateTime.parse(r.get("contacted_at")).toLocalDate()).isBeforeOrEqualTo(extract));
		data.rows("work_orders.csv").forEach(r -> assertThat(LocalDateTime.parse(r.get("created_at")).toLocalDate()).isBeforeOrEqualTo(extract));
		data.rows("customers.csv").forEach(r -> assertThat(LocalDate.parse(r.get("opened_on")))
				.isBefore(data.config.firstPeriod().atDay(1)));
	}

	@Test
	void billsFollowTheIssueAndDueDateConvention() {
		for (CsvTable.Row b : data.rows("bills.csv")) {
			var issueMonth = java.time.YearMonth.parse(b.get("period")).plusMonths(1);
			LocalDate issued = LocalDate.parse(b.get("issued_on"));
			assertThat(issued.getDayOfMonth()).isBetween(1, 3);
			assertThat(java.time.YearMonth.from(issued)).isEqualTo(issueMonth);
			assertThat(LocalDate.parse(b.get("due_on"))).isEqualTo(issueMonth.atEndOfMonth());
		}
		assertThat(column("bills.csv", "period")).hasSize(24)
				.contains(data.config.firstPeriod().toString(), data.config.lastPeriod().toString());
	}

	@Test
	void valuesUseTheContractFormatsAndCodes() {
		for (CsvTable.Row c : data.rows("customers.csv")) {
			assertThat(c.get("usage_category")).isIn("RESIDENTIAL", "GENERAL_COMMERCIAL", "LARGE_INDUSTRIAL", "AGRICULTURAL");
			assertThat(c.get("importance")).isIn("SPECIAL", "FIRST", "SECOND", "TEMPORARY", "NONE");
			assertThat(c.get("payment_mode")).isIn("PREPAID", "POSTPAID");
			assertThat(c.get("voltage_kv")).isIn("0.22", "0.38", "10", "20", "35", "110", "220");
			assertThat(c.get("phone")).matches("1[358]\\d{9}");
			assertThat(c.get("opened_on")).matches(DATE);
			assertThat(c.get("contract_capacity_kva")).matches(DECIMAL);
			assertThat(c.get("social_credit")).isIn("", "A", "B", "C", "D");
			for (String ratio : List.of("asset_liability_ratio", "current_ratio", "return_on_net_assets", "loan_on_time_rate")) {
				assertThat(c.get(ratio)).matches(v -> v.isEmpty() || DECIMAL.matcher(v).matches(), ratio);
			}
			for (String flag : List.of("reactive_compensation", "calibration_on_schedule")) {
				assertThat(c.get(flag)).matches(v -> v.isEmpty() || BOOLEAN.matcher(v).matches(), flag);
			}
			if (c.get("usage_category").equals("RESIDENTIAL")) {
				assertThat(List.of(c.get("industry_code"), c.get("social_credit"), c.get("asset_liability_ratio"),
						c.get("reactive_compensation"), c.get("equipment_accidents"))).containsOnly("");
			} else {
				assertThat(c.get("industry_code")).matches("[A-T]\\d{2}");
				assertThat(c.get("equipment_accidents")).matches("\\d+");
			}
		}
		for (CsvTable.Row r : data.rows("consumption.csv")) {
			assertThat(r.get("month")).matches(MONTH);
			BigDecimal kwh = new BigDecimal(r.get("kwh"));
			assertThat(kwh.signum()).isNotNegative();
			assertThat(new BigDecimal(r.get("peak_kwh")).add(new BigDecimal(r.get("flat_kwh"))).add(new BigDecimal(r.get("valley_kwh"))))
					.isEqualByComparingTo(kwh);
			assertThat(new BigDecimal(r.get("valley_kwh")).signum()).isNotNegative();
		}
		for (CsvTable.Row b : data.rows("bills.csv")) {
			assertThat(b.get("period")).matches(MONTH);
			assertThat(b.get("amount")).matches(MONEY);
			assertThat(b.get("anomaly")).isIn("NONE", "OWNERSHIP_TRANSFER", "SMALL_AMOUNT", "REFUND_ADJUSTMENT");
		}
		for (CsvTable.Row p : data.rows("payments.csv")) {
			assertThat(p.get("paid_at")).matches(TIMESTAMP);
			assertThat(p.get("amount")).matches(MONEY);
			assertThat(p.get("channel")).isIn("COUNTER", "BANK_DEBIT", "ONLINE_APP", "WECHAT", "ALIPAY", "ACCOUNT_MANAGER", "OTHER");
			assertThat(p.get("kind")).isIn("BILL", "TOPUP");
		}
		for (CsvTable.Row d : data.rows("dunning_contacts.csv")) {
			assertThat(d.get("contacted_at")).matches(TIMESTAMP);
			assertThat(d.get("round")).isIn("1", "2", "3", "4");
			assertThat(d.get("method")).isIn("SMS", "PHONE", "ONSITE", "WRITTEN_NOTICE");
			assertThat(d.get("reached")).matches(BOOLEAN);
			assertThat(d.get("response")).isIn("NONE", "REFUSES_ALL_DUNNING", "REFUSES_PHONE", "REFUSES_THIS_MONTH",
					"CONTACT_UPDATED", "CONTACT_ADDED");
		}
		for (CsvTable.Row w : data.rows("work_orders.csv")) {
			assertThat(w.get("created_at")).matches(TIMESTAMP);
			assertThat(w.get("type")).isIn("CONSULTATION", "COMPLAINT", "FAULT_REPAIR", "PRAISE", "SUGGESTION", "OPINION");
			assertThat(w.get("topic")).isIn("TARIFF", "POWER_QUALITY", "BILLING", "OUTAGE", "SERVICE", "OTHER");
			assertThat(w.get("channel")).isIn("HOTLINE_95598", "ONLINE_APP", "WECHAT", "COUNTER", "GOV_HOTLINE_12345", "ACCOUNT_MANAGER");
		}
		for (CsvTable.Row o : data.rows("credit_outcomes.csv")) {
			assertThat(o.get("observed_on")).isEqualTo("2025-11-01");
			assertThat(o.get("defaulted")).isIn("0", "1");
		}
	}

	@Test
	void cutOffNoticesComeOnlyMoreThanTwoMonthsAfterIssue() {
		Map<String, LocalDate> issued = new HashMap<>();
		data.rows("bills.csv").forEach(b -> issued.put(b.get("bill_id"), LocalDate.parse(b.get("issued_on"))));
		for (CsvTable.Row d : data.rows("dunning_contacts.csv")) {
			if (d.get("round").equals("4")) {
				assertThat(LocalDateTime.parse(d.get("contacted_at")).toLocalDate())
						.isAfter(issued.get(d.get("bill_id")).plusMonths(2));
			}
			if (d.get("bill_id").isEmpty()) {
				assertThat(d.get("round")).as("prepaid low-balance warnings are round-1 texts").isEqualTo("1");
				assertThat(d.get("method")).isEqualTo("SMS");
			}
		}
	}

	private static void assertUniqueAndPrefixed(String file, String idColumn, String pattern) {
		List<CsvTable.Row> rows = data.rows(file);
		Set<String> ids = new HashSet<>();
		for (CsvTable.Row row : rows) {
			assertThat(row.get(idColumn)).matches(pattern);
			if (!file.equals("customers.csv")) {
				assertThat(row.get(idColumn)).startsWith(row.get("customer_id") + "-");
			}
			ids.add(row.get(idColumn));
		}
		assertThat(ids).as(file).hasSize(rows.size());
	}

	private static Set<String> column(String file, String column) {
		Set<String> values = new HashSet<>();
		data.rows(file).forEach(r -> values.add(r.get(column)));
		return values;
	}
}
