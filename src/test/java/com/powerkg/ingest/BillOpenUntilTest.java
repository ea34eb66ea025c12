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
			""";

	private static final String BILLS = """
			bill_id,customer_id,period,issued_on,due_on,amount,anomaly
			PARTS,R001,2026-08,2026-09-02,2026-09-30,100.00,
			SHORT,R001,2026-08,2026-09-02,2026-09-30,100.00,
			NOTHING,R001,2026-08,2026-09-02,2026-09-30,0.00,
			OVERPAID,R001,2026-08,2026-09-02,2026-09-30,100.00,
			TIED,R001,2026-08,2026-09-02,2026-09-30,100.00,
			CREDIT,R001,2026-08,2026-09-02,2026-09-30,-20.00,
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
			""";

	/** What the import keeps for each bill of the files above. */
	private static final Map<String, LocalDateTime> OPEN_UNTIL = Map.of(
			"PARTS", LocalDateTime.of(2026, 10, 3, 10, 0), // 40 then 60: covered by the second part, whatever the file order
			"SHORT", STILL_OPEN,
			"NOTHING", LocalDateTime.of(2026, 9, 2, 0, 0), // nothing to pay: closed when issued
			"OVERPAID", LocalDateTime.of(2026, 9, 10, 8, 0), // the first payment covered it; the extra changes nothing
			"TIED", LocalDateTime.of(2026, 9, 15, 12, 0), // two payments at the same moment cover it then, in either order
			"CREDIT", LocalDateTime.of(2026, 9, 2, 0, 0)); // a credit note: nothing to pay

	@Test
	void theImportKeepsWhenEachBillWasCoveredAndV0016ComputesTheSame(@TempDir Path tmp) throws IOException {
		try (PrivateGraph graph = PrivateGraph.open()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			assertThat(openUntil(graph.driver())).containsExactlyInAnyOrderEntriesOf(OPEN_UNTIL);

			// a correction: P2 settles SHORT, not PARTS; SHORT's amount is 110 now; P4 was 90, not 100
			importFiles(graph.driver(), tmp.resolve("correction"), Map.of("customers.csv", CUSTOMERS,
					"bills.csv", BILLS.replace("SHORT,R001,2026-08,2026-09-02,2026-09-30,100.00", "SHORT,R001,2026-08,2026-09-02,2026-09-30,110.00"),
					"payments.csv", PAYMENTS.replace("P2,R001,PARTS", "P2,R001,SHORT")
						.replace("P4,R001,OVERPAID,2026-09-10T08:00:00,100.00", "P4,R001,OVERPAID,2026-09-10T08:00:00,90.00")));
			Map<String, LocalDateTime> corrected = openUntil(graph.driver());
			assertThat(corrected).containsEntry("PARTS", STILL_OPEN).containsEntry("SHORT", LocalDateTime.of(2026, 10, 3, 10, 0))
				.as("90 then 10: covered by the later payment").containsEntry("OVERPAID", LocalDateTime.of(2026, 9, 25, 8, 0));

			graph.driver().executableQuery("MATCH (b:Bill) REMOVE b.openUntil").execute();
			try (var session = graph.driver().session()) {
				session.run(statementOf(Path.of("cypher/migrations/V0016__Bill_open_until.cypher"))).consume();
			}
			assertThat(openUntil(graph.driver())).as("V0016's rule is the import's").isEqualTo(corrected);
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
	}

	/**
	 * A payments batch marks every bill it touches open in its own transaction: the exact time follows after the commit,
	 * and a bill whose recompute is lost (a failure, a crash) is read as open too long, never as paid too early.
	 */
	@Test
	void aPaymentsBatchMarksTheBillsItTouchesOpenBeforeTheirTimeIsComputed(@TempDir Path tmp) throws IOException {
		try (PrivateGraph graph = PrivateGraph.open()) {
			importFiles(graph.driver(), tmp.resolve("month"), Map.of("customers.csv", CUSTOMERS, "bills.csv", BILLS, "payments.csv", PAYMENTS));
			String payments = CypherResource.load(CsvImporter.class, "payments.cypher");
			Map<String, Object> moved = new HashMap<>(Map.of("customer_id", "R001", "payment_id", "P4", "bill_id", "PARTS",
					"paid_at", LocalDateTime.of(2026, 9, 10, 8, 0), "amount", 100.0, "channel", "COUNTER", "kind", "BILL"));
			try (var session = graph.driver().session()) {
				List<String> unlinked = session.executeWrite(tx -> tx.run(payments, Map.of("rows", List.of(moved))).list(r -> r.get("billId").asString()));
				assertThat(unlinked).as("the bill P4 no longer settles").containsExactly("OVERPAID");
			}
			assertThat(openUntil(graph.driver())).as("until the links thread computes them (PARTS was paid on 2026-10-03)")
				.containsEntry("OVERPAID", STILL_OPEN).containsEntry("PARTS", STILL_OPEN);
		}
	}

	/**
	 * Two imports at once: the time of a bill is computed under the bill's lock, so a payments batch moving one of its
	 * payments away, not yet committed, makes the computation wait and read what it committed, not the payments before.
	 */
	@Test
	void aBillsTimeIsComputedFromItsPaymentsAfterAConcurrentMoveCommits(@TempDir Path tmp) throws Exception {
		try (PrivateGraph graph = PrivateGraph.open()) {
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

	/** A plan for another date finds the unpaid bills by an index range on openUntil, not by reading a year of bills. */
	@Test
	void openBillsAreAnIndexRangeOnOpenUntil() {
		try (PrivateGraph graph = PrivateGraph.open()) {
			Plan plan = graph.driver().executableQuery("EXPLAIN " + CypherResource.load(CollectionPlans.class, "open-bills.cypher"))
				.withParameters(Map.of("from", LocalDate.of(2025, 11, 25), "asOf", LocalDate.of(2026, 11, 25),
						"until", LocalDateTime.of(2026, 11, 26, 0, 0)))
				.execute().summary().plan();
			assertThat(operators(plan)).anyMatch(o -> o.startsWith("NodeIndexSeekByRange") && o.contains("openUntil"));
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

	/** The script's one statement, without its comments and final semicolon. */
	private static String statementOf(Path script) throws IOException {
		String text = Files.readString(script).replaceAll("(?m)^//.*$", "").strip();
		return text.substring(0, text.length() - 1);
	}

}
