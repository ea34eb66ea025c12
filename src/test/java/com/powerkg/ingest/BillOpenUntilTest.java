package com.powerkg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.powerkg.PrivateGraph;
import com.powerkg.collection.CollectionPlans;
import com.powerkg.graph.CypherResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bill's openUntil (bill-open-until.cypher): when its payments, in the order they were made, first covered it. The
 * transactional import keeps it through payments in parts, overpayment, a payment moved to another bill and a bill whose
 * amount changed; a bulk load (BillSettlement) and V0016, which fills it on older stores, give the same values.
 */
class BillOpenUntilTest {

	private static final LocalDateTime STILL_OPEN = LocalDateTime.of(9999, 12, 31, 0, 0);

	private static final String CUSTOMERS = """
			customer_id,name,phone,usage_category,industry_code,voltage_kv,contract_capacity_kva,importance,payment_mode,region,opened_on,social_credit,asset_liability_ratio,current_ratio,return_on_net_assets,loan_on_time_rate,reactive_compensation,calibration_on_schedule,equipment_accidents
			R001,张伟,13812345678,RESIDENTIAL,,0.22,8,NONE,POSTPAID,城东网格01,2015-03-01,,,,,,,,
			P001,李娜,13912345678,RESIDENTIAL,,0.22,8,NONE,PREPAID,城东网格01,2016-05-01,,,,,,,,
			P002,王芳,13712345678,RESIDENTIAL,,0.22,8,NONE,PREPAID,城东网格01,2017-01-01,,,,,,,,
			""";

	private static final String BILLS = """
			bill_id,customer_id,period,issued_on,due_on,amount,anomaly
			PARTS,R001,2026-08,2026-09-02,2026-09-30,100.00,
			SHORT,R001,2026-08,2026-09-02,2026-09-30,100.00,
			NOTHING,R001,2026-08,2026-09-02,2026-09-30,0.00,
			OVERPAID,R001,2026-08,2026-09-02,2026-09-30,100.00,
			TIED,R001,2026-08,2026-09-02,2026-09-30,100.00,
			CREDIT,R001,2026-08,2026-09-02,2026-09-30,-20.00,
			PRE-SEP,P001,2026-08,2026-09-02,2026-09-30,100.00,
			PRE-OCT-B,P001,2026-09,2026-10-02,2026-10-31,40.00,
			PRE-OCT-A,P001,2026-09,2026-10-02,2026-10-31,60.00,
			PRE-NOV,P001,2026-10,2026-11-02,2026-11-30,100.00,
			PRE-ZERO,P001,2026-10,2026-11-02,2026-11-30,0.00,
			PRE2-SEP,P002,2026-08,2026-09-02,2026-09-30,50.00,
			""";

	private static final String PAYMENTS = """
			payment_id,customer_id,bill_id,paid_at,amount,channel,kind
			P2,R001,PARTS,2026-10-03T10:00:00,60.00,WECHAT,BILL
			P1,R001,PARTS,2026-09-20T09:00:00,40.00,WECHAT,BILL
			P3,R001,SHORT,2026-09-21T09:00:00,50.00,ALIPAY,BILL
			P4,R001,OVERPAID,2026-09-10T08:00:00,100.00,COUNTER,BILL
			P5,R001,OVERPAID,2026-09-25T08:00:00,10.00,COUNTER,BILL
			P7,R001,TIED,2026-09-15T12:00:00,70.00,WECHAT,BILL
			P6,R001,TIED,2026-09-15T12:00:00,30.00,ALIPAY,BILL
			T3,P001,,2026-10-10T10:00:00,99.99,WECHAT,TOPUP
			T1,P001,,2026-08-25T10:00:00,50.00,WECHAT,TOPUP
			T2,P001,,2026-09-05T10:00:00,50.00,WECHAT,TOPUP
			T4,P001,,2026-10-20T10:00:00,0.01,WECHAT,TOPUP
			B1,P002,PRE2-SEP,2026-09-10T10:00:00,50.00,WECHAT,BILL
			""";

	/** What the import keeps for each bill of the files above. */
	private static final Map<String, LocalDateTime> OPEN_UNTIL = Map.ofEntries(
			Map.entry("PARTS", LocalDateTime.of(2026, 10, 3, 10, 0)), // 40 then 60: covered by the second part, whatever the file order
			Map.entry("SHORT", STILL_OPEN),
			Map.entry("NOTHING", LocalDateTime.of(2026, 9, 2, 0, 0)), // nothing to pay: closed when issued
			Map.entry("OVERPAID", LocalDateTime.of(2026, 9, 10, 8, 0)), // the first payment covered it; the extra changes nothing
			Map.entry("TIED", LocalDateTime.of(2026, 9, 15, 12, 0)), // two payments at the same moment cover it then, in either order
			Map.entry("CREDIT", LocalDateTime.of(2026, 9, 2, 0, 0)), // a credit note: nothing to pay
			// a prepaid customer's bills are paid from the balance: by the top-ups, in the order made, that reach every
			// bill issued up to the bill's day
			Map.entry("PRE-SEP", LocalDateTime.of(2026, 9, 5, 10, 0)), // 50 topped up before the bill, 50 after: 100
			Map.entry("PRE-OCT-A", LocalDateTime.of(2026, 10, 20, 10, 0)), // 200 due by 2 October: 199.99 is a cent short, the 0.01 makes it
			Map.entry("PRE-OCT-B", LocalDateTime.of(2026, 10, 20, 10, 0)), // a bill of the same day is covered with it, whatever their order
			Map.entry("PRE-NOV", STILL_OPEN), // 300 due, 200 topped up: the balance is short
			Map.entry("PRE-ZERO", LocalDateTime.of(2026, 11, 2, 0, 0)), // nothing to pay
			// the balance counts top-ups only (customer-details.cypher): a payment of the bill itself does not cover it
			Map.entry("PRE2-SEP", STILL_OPEN));

	@Test
	void theImportKeepsWhenEachBillWasCoveredAndV0016ComputesTheSame(@TempDir Path tmp) throws IOException {
		try (PrivateGraph graph = PrivateGraph.reused()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			assertThat(openUntil(graph.driver())).containsExactlyInAnyOrderEntriesOf(OPEN_UNTIL);
			assertThat(ledgers(graph.driver())).as("a prepaid customer's bills and top-ups as dated amounts, the plan reads them")
				.containsExactlyInAnyOrderEntriesOf(LEDGERS);

			// a correction: P2 settles SHORT, not PARTS; SHORT's amount is 110 now; P4 was 90, not 100; PRE-SEP was 90, and a
			// top-up of November covers PRE-NOV
			importFiles(graph.driver(), tmp.resolve("correction"), Map.of("customers.csv", CUSTOMERS,
					"bills.csv", BILLS.replace("SHORT,R001,2026-08,2026-09-02,2026-09-30,100.00", "SHORT,R001,2026-08,2026-09-02,2026-09-30,110.00")
						.replace("PRE-SEP,P001,2026-08,2026-09-02,2026-09-30,100.00", "PRE-SEP,P001,2026-08,2026-09-02,2026-09-30,90.00"),
					"payments.csv", PAYMENTS.replace("P2,R001,PARTS", "P2,R001,SHORT")
						.replace("P4,R001,OVERPAID,2026-09-10T08:00:00,100.00", "P4,R001,OVERPAID,2026-09-10T08:00:00,90.00")
						+ "T5,P001,,2026-11-25T10:00:00,100.00,WECHAT,TOPUP\n"));
			Map<String, LocalDateTime> corrected = openUntil(graph.driver());
			assertThat(ledgers(graph.driver()).get("P001")).as("PRE-SEP of 90, and the November top-up")
				.containsEntry("billsAmount", List.of(90.0, 40.0, 60.0, 0.0, 100.0))
				.containsEntry("topUpsAmount", List.of(50.0, 50.0, 99.99, 0.01, 100.0));
			assertThat(corrected).containsEntry("PARTS", STILL_OPEN).containsEntry("SHORT", LocalDateTime.of(2026, 10, 3, 10, 0))
				.as("90 then 10: covered by the later payment").containsEntry("OVERPAID", LocalDateTime.of(2026, 9, 25, 8, 0))
				.as("90 due: covered by the first 50 and the second").containsEntry("PRE-SEP", LocalDateTime.of(2026, 9, 5, 10, 0))
				.as("190 due: 199.99 covers it now").containsEntry("PRE-OCT-A", LocalDateTime.of(2026, 10, 10, 10, 0))
				.as("290 due: the November top-up").containsEntry("PRE-NOV", LocalDateTime.of(2026, 11, 25, 10, 0));

			graph.driver().executableQuery("MATCH (b:Bill) REMOVE b.openUntil").execute();
			try (var session = graph.driver().session()) {
				session.run(statementOf(Path.of("cypher/migrations/V0016__Bill_open_until.cypher"))).consume();
				// V0016 gave the prepaid bills the postpaid rule, as before V0018: open for ever, or paid by their own payments
				assertThat(openUntil(graph.driver())).containsEntry("PRE-SEP", STILL_OPEN).containsEntry("PRE-NOV", STILL_OPEN)
					.containsEntry("PRE2-SEP", LocalDateTime.of(2026, 9, 10, 10, 0));
				session.run(statementOf(Path.of("cypher/migrations/V0018__Prepaid_bill_open_until.cypher"))).consume();
			}
			assertThat(openUntil(graph.driver())).as("V0016's and V0018's rules are the import's").isEqualTo(corrected);

			// P002 turns postpaid: it keeps no ledger; prepaid again: its ledger is back
			String p002 = "P002,王芳,13712345678,RESIDENTIAL,,0.22,8,NONE,PREPAID";
			importFiles(graph.driver(), tmp.resolve("postpaid"), Map.of("customers.csv", CUSTOMERS.replace(p002, p002.replace("PREPAID", "POSTPAID"))));
			assertThat(ledgers(graph.driver())).doesNotContainKey("P002").containsKey("P001");
			importFiles(graph.driver(), tmp.resolve("prepaid"), Map.of("customers.csv", CUSTOMERS));
			assertThat(ledgers(graph.driver())).containsEntry("P002", LEDGERS.get("P002"));
		}
	}

	/**
	 * A bulk load writes each bill's openUntil into the importer's files itself (BillSettlement), by the same rule: V0016,
	 * which would take minutes on a city's bills, finds nothing left to fill.
	 */
	@Test
	void aBulkLoadWritesEachBillsOpenUntilWithTheBill(@TempDir Path tmp) throws IOException {
		Path data = tmp.resolve("data");
		Files.createDirectories(data);
		for (var file : Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS).entrySet()) {
			Files.writeString(data.resolve(file.getKey()), file.getValue());
		}
		var emitted = new BulkLoad(BulkLoadTest.PROPERTIES).emit(data, tmp.resolve("out"), tmp.resolve("rejects.csv"));
		assertThat(emitted.report().rowsRejected()).isZero();
		List<String> lines = Files.readAllLines(tmp.resolve("out/input/Bill.csv"));
		assertThat(lines.getFirst()).isEqualTo(":ID(Bill),id,period,issuedOn:date,dueOn:date,amount:double,anomaly,openUntil:localdatetime");
		Map<String, LocalDateTime> written = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			written.put(cells[1], LocalDateTime.parse(cells[7]));
		}
		assertThat(written).containsExactlyInAnyOrderEntriesOf(OPEN_UNTIL);
		assertThat(tmp.resolve("out/input")).isDirectoryNotContaining("glob:**/Bill.partial");
		// and the prepaid customers' ledgers, with the lists as the transactional import writes them
		assertThat(Files.readAllLines(tmp.resolve("out/input/PrepaidLedger.csv")).subList(1, 3)).containsExactlyInAnyOrder(
				"1,2026-09-02;2026-10-02;2026-10-02;2026-11-02;2026-11-02,2026-08;2026-09;2026-09;2026-10;2026-10,"
						+ "100.0;40.0;60.0;0.0;100.0,2026-08-25T10:00;2026-09-05T10:00;2026-10-10T10:00;2026-10-20T10:00,50.0;50.0;99.99;0.01",
				"2,2026-09-02,2026-08,50.0,,");
	}

	/**
	 * A payments batch marks every bill it touches open in its own transaction: the exact time follows after the commit,
	 * and a bill whose recompute is lost (a failure, a crash) is read as open too long, never as paid too early.
	 */
	@Test
	void aPaymentsBatchMarksTheBillsItTouchesOpenBeforeTheirTimeIsComputed(@TempDir Path tmp) throws IOException {
		try (PrivateGraph graph = PrivateGraph.reused()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			String payments = CypherResource.load(CsvImporter.class, "payments.cypher");
			Map<String, Object> moved = new HashMap<>(Map.of("customer_id", "R001", "payment_id", "P4", "bill_id", "PARTS",
					"paid_at", LocalDateTime.of(2026, 9, 10, 8, 0), "amount", 100.0, "channel", "COUNTER", "kind", "BILL"));
			// and a top-up of P001's, corrected to R001's; one of 0.01 corrected to a later time
			Map<String, Object> topUpMoved = new HashMap<>(Map.of("customer_id", "R001", "payment_id", "T2",
					"paid_at", LocalDateTime.of(2026, 9, 5, 10, 0), "amount", 50.0, "channel", "WECHAT", "kind", "TOPUP"));
			try (var session = graph.driver().session()) {
				var result = session.executeWrite(tx -> tx.run(payments, Map.of("rows", List.of(moved, topUpMoved))).list());
				List<String> unlinked = result.stream().flatMap(r -> r.get("billIds").asList(Values.ofString()).stream()).toList();
				assertThat(unlinked).as("the bill P4 no longer settles").containsExactly("OVERPAID");
				assertThat(result.stream().flatMap(r -> r.get("customerIds").asList(Values.ofString()).stream()))
					.as("the customers whose prepaid bills are computed after the commit").containsExactlyInAnyOrder("R001", "R001", "P001");
			}
			assertThat(openUntil(graph.driver())).as("until the links thread computes them (PARTS was paid on 2026-10-03)")
				.containsEntry("OVERPAID", STILL_OPEN).containsEntry("PARTS", STILL_OPEN)
				.as("P001 lost a top-up: its bills are open until computed again").containsEntry("PRE-SEP", STILL_OPEN)
				.containsEntry("PRE-OCT-A", STILL_OPEN);
			assertThat(ledgers(graph.driver())).as("and its ledger is gone until then: the plan reads its history")
				.doesNotContainKey("P001").containsKey("P002");

			// computed again; then a top-up added marks nothing (it can only make bills paid earlier), one made later does
			try (var session = graph.driver().session()) {
				session.executeWriteWithoutResult(tx -> PrepaidOpenUntil.compute(tx, List.of("P001")));
			}
			Map<String, LocalDateTime> computed = openUntil(graph.driver());
			assertThat(computed).as("without T2's 50: 100 due by September is covered only by T3")
				.containsEntry("PRE-SEP", LocalDateTime.of(2026, 10, 10, 10, 0));
			assertThat(ledgers(graph.driver()).get("P001")).as("the ledger again, without T2")
				.containsEntry("topUpsAmount", List.of(50.0, 99.99, 0.01));
			Map<String, Object> added = new HashMap<>(Map.of("customer_id", "P001", "payment_id", "T9",
					"paid_at", LocalDateTime.of(2026, 12, 1, 10, 0), "amount", 10.0, "channel", "WECHAT", "kind", "TOPUP"));
			Map<String, Object> again = new HashMap<>(Map.of("customer_id", "P001", "payment_id", "T1",
					"paid_at", LocalDateTime.of(2026, 8, 25, 10, 0), "amount", 50.0, "channel", "WECHAT", "kind", "TOPUP"));
			graph.driver().executableQuery(payments).withParameters(Map.of("rows", List.of(again))).execute();
			assertThat(ledgers(graph.driver())).as("a top-up imported again unchanged leaves the ledger").containsKey("P001");
			graph.driver().executableQuery(payments).withParameters(Map.of("rows", List.of(added))).execute();
			assertThat(openUntil(graph.driver())).isEqualTo(computed);
			assertThat(ledgers(graph.driver())).as("a new top-up makes it stale").doesNotContainKey("P001");
			Map<String, Object> later = new HashMap<>(Map.of("customer_id", "P001", "payment_id", "T3",
					"paid_at", LocalDateTime.of(2026, 10, 11, 10, 0), "amount", 99.99, "channel", "WECHAT", "kind", "TOPUP"));
			graph.driver().executableQuery(payments).withParameters(Map.of("rows", List.of(later))).execute();
			assertThat(openUntil(graph.driver())).as("T3 a day later").containsEntry("PRE-SEP", STILL_OPEN);
		}
	}

	/**
	 * Two imports at once: the time of a bill is computed under the bill's lock, so a payments batch moving one of its
	 * payments away, not yet committed, makes the computation wait and read what it committed, not the payments before.
	 */
	@Test
	void aBillsTimeIsComputedFromItsPaymentsAfterAConcurrentMoveCommits(@TempDir Path tmp) throws Exception {
		try (PrivateGraph graph = PrivateGraph.reused()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			String payments = CypherResource.load(CsvImporter.class, "payments.cypher");
			String openUntil = CypherResource.load(CsvImporter.class, "bill-open-until.cypher");
			Map<String, Object> moved = new HashMap<>(Map.of("customer_id", "R001", "payment_id", "P2", "bill_id", "SHORT",
					"paid_at", LocalDateTime.of(2026, 10, 3, 10, 0), "amount", 60.0, "channel", "WECHAT", "kind", "BILL"));
			try (var mover = graph.driver().session(); var move = mover.beginTransaction()) {
				move.run(payments, Map.of("rows", List.of(moved))).consume();
				// P2 leaves PARTS, not yet committed; meanwhile another import computes PARTS
				var computing = java.util.concurrent.CompletableFuture.runAsync(() -> {
					try (var session = graph.driver().session()) {
						session.executeWrite(tx -> tx.run(openUntil, Map.of("billIds", List.of("PARTS"))).consume());
					}
				});
				long deadline = System.nanoTime() + 20_000_000_000L;
				while (graph.driver().executableQuery("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
					.execute().records().getFirst().get("n").asLong() == 0) {
					assertThat(computing).as("the computation waits for the move").isNotDone();
					assertThat(System.nanoTime()).as("the computation is blocked").isLessThan(deadline);
					Thread.sleep(50);
				}
				move.commit();
				computing.get();
			}
			assertThat(openUntil(graph.driver())).as("only P1's 40 of 100 settle PARTS now").containsEntry("PARTS", STILL_OPEN);
		}
	}

	/**
	 * A customer whose payment mode changes gets the other rule for every bill: prepaid bills are paid from the balance,
	 * postpaid ones by their payments.
	 */
	@Test
	void aChangeOfPaymentModeChangesTheRuleOfTheCustomersBills(@TempDir Path tmp) throws IOException {
		try (PrivateGraph graph = PrivateGraph.reused()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			String swapped = CUSTOMERS.replace("POSTPAID,城东网格01,2015", "X").replace("PREPAID,城东网格01,2016", "POSTPAID,城东网格01,2016")
				.replace("X", "PREPAID,城东网格01,2015");
			importFiles(graph.driver(), tmp.resolve("swapped"), Map.of("customers.csv", swapped));
			assertThat(openUntil(graph.driver())).as("R001 has no top-ups: its bills stay open; P001's have no payments of their own")
				.containsEntry("PARTS", STILL_OPEN).containsEntry("OVERPAID", STILL_OPEN).containsEntry("CREDIT", LocalDateTime.of(2026, 9, 2, 0, 0))
				.containsEntry("PRE-SEP", STILL_OPEN).containsEntry("PRE-OCT-A", STILL_OPEN);
			importFiles(graph.driver(), tmp.resolve("back"), Map.of("customers.csv", CUSTOMERS));
			assertThat(openUntil(graph.driver())).as("and back").containsExactlyInAnyOrderEntriesOf(OPEN_UNTIL);
		}
	}

	/**
	 * A plan for another date finds the unpaid bills, and the prepaid customers short on the date, by an index range on
	 * openUntil, not by reading a year of bills or every prepaid customer's top-ups.
	 */
	@Test
	void openBillsAndShortPrepaidCustomersAreAnIndexRangeOnOpenUntil() {
		try (PrivateGraph graph = PrivateGraph.reused()) {
			for (String query : List.of("open-bills.cypher", "other-customers.cypher")) {
				Map<String, Object> params = new HashMap<>(Map.of("from", LocalDate.of(2025, 11, 25), "asOf", LocalDate.of(2026, 11, 25),
						"until", LocalDateTime.of(2026, 11, 26, 0, 0), "runId", "run-1", "firstPeriod", "2025-11", "lastPeriod",
						"2026-10", "averageTags", List.of("SMALL_FREQUENT_TOPUP")));
				Plan plan = graph.driver().executableQuery("EXPLAIN " + CypherResource.load(CollectionPlans.class, query))
					.withParameters(params).execute().summary().plan();
				assertThat(operators(plan)).as(query).anyMatch(o -> o.startsWith("NodeIndexSeekByRange") && o.contains("openUntil"))
					.as(query + " reads no top-ups").noneMatch(o -> o.contains("PAID"));
			}
		}
	}

	private static List<String> operators(Plan plan) {
		List<String> all = new ArrayList<>();
		all.add(plan.operatorType() + " " + plan.arguments().getOrDefault("Details", Values.NULL));
		plan.children().forEach(child -> all.addAll(operators(child)));
		return all;
	}

	private static void importFiles(Driver driver, Path dir, Map<String, String> files) throws IOException {
		Files.createDirectories(dir);
		for (var file : files.entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue());
		}
		ImportReport report = new CsvImporter(driver, BulkLoadTest.PROPERTIES).importDirectory(dir, dir.resolve("rejects.csv"));
		assertThat(report.rowsRejected()).as("no rejects").isZero();
	}

	private static Map<String, LocalDateTime> openUntil(Driver driver) {
		Map<String, LocalDateTime> result = new TreeMap<>();
		driver.executableQuery("MATCH (b:Bill) RETURN b.id AS id, b.openUntil AS openUntil").execute().records()
			.forEach(r -> result.put(r.get("id").asString(), r.get("openUntil").asLocalDateTime()));
		return result;
	}

	/** The ledgers the fixture's import keeps: P001's bills by issue day, period and amount, its top-ups by time; P002 has none. */
	private static final Map<String, Map<String, Object>> LEDGERS = Map.of(
			"P001", Map.of("billsIssuedOn", List.of(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2),
					LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2)),
					"billsPeriod", List.of("2026-08", "2026-09", "2026-09", "2026-10", "2026-10"),
					"billsAmount", List.of(100.0, 40.0, 60.0, 0.0, 100.0),
					"topUpsAt", List.of(LocalDateTime.of(2026, 8, 25, 10, 0), LocalDateTime.of(2026, 9, 5, 10, 0),
							LocalDateTime.of(2026, 10, 10, 10, 0), LocalDateTime.of(2026, 10, 20, 10, 0)),
					"topUpsAmount", List.of(50.0, 50.0, 99.99, 0.01)),
			"P002", Map.of("billsIssuedOn", List.of(LocalDate.of(2026, 9, 2)), "billsPeriod", List.of("2026-08"),
					"billsAmount", List.of(50.0)));

	/** Each customer's ledger, by customer id. */
	private static Map<String, Map<String, Object>> ledgers(Driver driver) {
		Map<String, Map<String, Object>> ledgers = new TreeMap<>();
		driver.executableQuery("MATCH (c:Customer)-[:HAS_LEDGER]->(l:PrepaidLedger) RETURN c.id AS id, properties(l) AS p").execute()
			.records().forEach(r -> ledgers.put(r.get("id").asString(), r.get("p").asMap()));
		return ledgers;
	}

	/** The script's one statement, without its comments and final semicolon. */
	private static String statementOf(Path script) throws IOException {
		String text = Files.readString(script).replaceAll("(?m)^//.*$", "").strip();
		return text.substring(0, text.length() - 1);
	}

}
