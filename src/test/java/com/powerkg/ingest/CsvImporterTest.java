package com.powerkg.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GraphTest
class CsvImporterTest {

	@Autowired
	CsvImporter importer;

	@Autowired
	Driver driver;

	@TempDir
	Path tmp;

	@Test
	void validDirectoryIsImportedCompletelyWithItsRelationships() {
		ImportReport report = this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("rejects.csv"));

		assertThat(report.rowsRejected()).isZero();
		assertThat(report.rowsImported()).isEqualTo(report.rowsRead()).isEqualTo(25);
		assertThat(report.rejectFile()).isEmpty();
		assertThat(single("""
				MATCH (c:Customer {id: 'R001'})-[:BILLED]->(b:Bill {id: 'R001-202608'})<-[:SETTLES]-(p:Payment)-[:VIA]->(ch:Channel)
				MATCH (c)-[:PAID]->(p)
				RETURN ch.code + ' ' + toString(b.dueOn) + ' ' + toString(p.paidAt) AS v""")).isEqualTo("WECHAT 2026-09-30 2026-09-05T09:15:00");
		assertThat(single("MATCH (:Customer {id: 'R002'})-[:PAID]->(p:Payment {kind: 'TOPUP'}) WHERE NOT (p)-[:SETTLES]->() RETURN count(p) AS v"))
			.isEqualTo(2L);
		assertThat(single("MATCH (:Customer {id: 'B001'})-[:RECEIVED]->(d:DunningContact)-[:CONCERNS]->(:Bill {id: 'B001-202609'}) RETURN collect(d.response) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("NONE", "REFUSES_PHONE");
		assertThat(single("MATCH (:Customer {id: 'B002'})-[:IN_REGION]->(r:Region) RETURN r.code AS v")).isEqualTo("城西网格02");
		assertThat(single("MATCH (c:Customer {id: 'B002'}) RETURN c.name AS v")).isEqualTo("城西商贸广场有限公司, 二期");
		assertThat(single("MATCH (b:Bill {id: 'B002-202609'}) RETURN b.amount AS v")).isEqualTo(-120.5);
		assertThat(single("MATCH (c:Customer {id: 'R002'}) RETURN c.importance AS v")).as("empty importance defaults to NONE").isEqualTo("NONE");
		assertThat(single("MATCH (c:Customer {id: 'R001'})-[:CONSUMED]->(u:Consumption {month: '2026-09'}) RETURN u.peakKwh IS NULL AS v")).isEqualTo(true);
		assertThat(single("MATCH (:Customer {id: 'B002'})-[:HAS_OUTCOME]->(o:CreditOutcome) RETURN o.defaulted AS v")).isEqualTo(true);
		assertThat(single("MATCH (:Customer {id: 'R003'})-[:RAISED]->(w:WorkOrder)-[:VIA]->(:Channel {code: 'HOTLINE_95598'}) RETURN w.topic AS v")).isEqualTo("POWER_QUALITY");
	}

	@Test
	void importingTheSameDirectoryTwiceLeavesIdenticalCounts() {
		this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r1.csv"));
		Map<String, Object> first = counts();

		ImportReport second = this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r2.csv"));

		assertThat(second.rowsImported()).isEqualTo(25);
		assertThat(counts()).isEqualTo(first);
	}

	@Test
	void reimportingACorrectedRowReplacesItsLinksInsteadOfAddingToThem() {
		this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r1.csv"));
		long relationships = (Long) single("MATCH ()-[r]->() RETURN count(r) AS v");

		this.importer.importDirectory(Fixtures.directory("small-corrected"), this.tmp.resolve("r2.csv"));

		assertThat(single("MATCH (:Payment {id: 'R001-P0001'})-[:SETTLES]->(b) RETURN collect(b.id) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("R001-202609");
		assertThat(single("MATCH (:Payment {id: 'R001-P0001'})-[:VIA]->(ch) RETURN collect(ch.code) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("COUNTER");
		assertThat(single("MATCH (:DunningContact {id: 'B001-D0002'})-[r:CONCERNS]->() RETURN count(r) AS v")).isEqualTo(0L);
		assertThat(single("MATCH ()-[r]->() RETURN count(r) AS v")).as("one CONCERNS fewer, nothing added").isEqualTo(relationships - 1);

		this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r3.csv"));
		assertThat(single("MATCH ()-[r]->() RETURN count(r) AS v")).as("back to the original").isEqualTo(relationships);
	}

	@Test
	void aCustomerRowThatDidNotChangeIsNotWrittenAgainAndAChangedOneIsWrittenAndRelinked() throws IOException {
		this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r1.csv"));
		// a mark no import writes: it survives only if the unchanged row is skipped
		this.driver.executableQuery("MATCH (c:Customer) WHERE c.id IN ['R001', 'R003'] SET c.name = 'marked'").execute();
		Path month = Files.createDirectories(this.tmp.resolve("month"));
		List<String> lines = Files.readAllLines(Fixtures.directory("small").resolve("customers.csv"));
		Files.write(month.resolve("customers.csv"), lines.stream()
			.map(line -> line.startsWith("R003,") ? line.replace("城西网格02", "城北网格09") : line)
			.toList());

		ImportReport report = this.importer.importDirectory(month, this.tmp.resolve("r2.csv"));

		assertThat(report.rowsImported()).as("every row is in the graph").isEqualTo(lines.size() - 1);
		assertThat(single("MATCH (c:Customer {id: 'R001'}) RETURN c.name AS v")).as("unchanged: not written").isEqualTo("marked");
		assertThat(single("MATCH (c:Customer {id: 'R003'}) RETURN c.name AS v")).as("changed: written whole").isEqualTo("王芳");
		assertThat(single("MATCH (:Customer {id: 'R003'})-[:IN_REGION]->(r) RETURN collect(r.code) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("城北网格09");
		assertThat(single("MATCH (c:Customer) WHERE c.id IN ['R001', 'R002', 'R003', 'B001', 'B002'] AND c.sourceHash IS NULL RETURN count(c) AS v"))
			.as("every imported customer carries its row's fingerprint (other tests' customers share this database)").isEqualTo(0L);

		this.importer.importDirectory(Fixtures.directory("small"), this.tmp.resolve("r3.csv"));
		assertThat(single("MATCH (:Customer {id: 'R003'})-[:IN_REGION]->(r) RETURN collect(r.code) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("城西网格02");
	}

	@Test
	void blankLinesDoNotShiftTheLineNumbersOfLaterRows() throws IOException {
		Files.writeString(this.tmp.resolve("customers.csv"), "customer_id,usage_category,payment_mode\nE001,RESIDENTIAL,POSTPAID\n\n\nE002,NOPE,POSTPAID\n");

		ImportReport report = this.importer.importDirectory(this.tmp, this.tmp.resolve("rejects.csv"));

		assertThat(report.rejects()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(5));
		assertThat(report.rowsRead()).isEqualTo(2);
	}

	@Test
	void malformedRowsAreRejectedWithFileLineAndColumnWhileEveryValidRowIsImported() throws IOException {
		Path rejectFile = this.tmp.resolve("rejects.csv");

		ImportReport report = this.importer.importDirectory(Fixtures.directory("malformed"), rejectFile);

		assertThat(report.rejects()).extracting(r -> r.file() + ":" + r.line() + ":" + r.column())
			.containsExactlyInAnyOrder("customers.csv:3:usage_category", "customers.csv:4:opened_on",
					"customers.csv:5:customer_id", "bills.csv:3:customer_id", "bills.csv:4:amount",
					"bills.csv:5:due_on", "bills.csv:6:anomaly", "payments.csv:3:bill_id", "payments.csv:4:bill_id",
					"payments.csv:5:paid_at", "payments.csv:6:amount", "payments.csv:6:channel");
		assertThat(report.file(ContractFile.CUSTOMERS).orElseThrow().rowsImported()).isEqualTo(2);
		assertThat(report.file(ContractFile.PAYMENTS).orElseThrow().rowsRejected()).as("a row with two bad cells counts once").isEqualTo(4);
		assertThat(report.rejects()).filteredOn(r -> r.line() == 5 && r.file().equals("customers.csv"))
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("duplicate customer_id 'M001'").contains("line 2"));
		assertThat(report.rejects()).filteredOn(r -> r.file().equals("payments.csv") && r.line() == 4)
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("bill M001-202609 belongs to customer M001, not M004"));

		assertThat(single("MATCH (c:Customer) WHERE c.id STARTS WITH 'M0' RETURN collect(c.id) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("M001", "M004");
		assertThat(single("MATCH (c:Customer {id: 'M001'}) RETURN c.name AS v")).as("the first of two duplicates wins").isEqualTo("赵敏");
		assertThat(single("MATCH (b:Bill) WHERE b.id STARTS WITH 'M0' OR b.id STARTS WITH 'X9' RETURN collect(b.id) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("M001-202609");
		assertThat(single("MATCH (p:Payment) WHERE p.id STARTS WITH 'M00' RETURN collect(p.id) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("M001-P1");

		List<String> reportLines = Files.readAllLines(rejectFile, StandardCharsets.UTF_8);
		assertThat(reportLines.getFirst()).isEqualTo("file,line,column,reason");
		assertThat(reportLines).hasSize(1 + 12).contains("customers.csv,4,opened_on,'2020-13-01' is not an ISO date (2026-06-30)");
	}

	@Test
	void directoryWithoutCustomersFailsBeforeWritingAnything() throws IOException {
		Files.writeString(this.tmp.resolve("bills.csv"), "bill_id,customer_id,period,issued_on,due_on,amount\n");
		Map<String, Object> before = counts();

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("has no customers.csv");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void fileMissingARequiredColumnFailsTheWholeImportAndChangesNothing() throws IOException {
		Files.writeString(this.tmp.resolve("customers.csv"), "customer_id,usage_category,payment_mode\nQ001,RESIDENTIAL,POSTPAID\n");
		Files.writeString(this.tmp.resolve("payments.csv"), "payment_id,customer_id,paid_at,amount,kind\nQ001-P1,Q001,2026-10-01T10:00:00,5,TOPUP\n");
		Map<String, Object> before = counts();

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessage("payments.csv:1: required column channel missing from the header (columns are exact lower-case names, see DATA-CONTRACT.md)");
		assertThat(counts()).as("customers.csv was valid but must not be imported either").isEqualTo(before);
	}

	@Test
	void binaryFileFailsWithOneLineReason() throws IOException {
		Files.write(this.tmp.resolve("customers.csv"), new byte[] { 'P', 'K', 3, 4, 0, 0, 8, 0 });

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessage("customers.csv is not a CSV text file (it contains binary data)");
	}

	@Test
	void textThatIsNotUtf8FailsWithAHint() throws IOException {
		byte[] gbk = "customer_id,usage_category,payment_mode\nG001,RESIDENTIAL,POSTPAID,张三\n".getBytes(java.nio.charset.Charset.forName("GBK"));
		Files.write(this.tmp.resolve("customers.csv"), gbk);

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("is not UTF-8");
	}

	@Test
	void quotedFieldsWithLineBreaksKeepLineNumbersOfLaterRowsRight() throws IOException {
		Files.writeString(this.tmp.resolve("customers.csv"), """
				customer_id,name,usage_category,payment_mode
				L001,"two
				lines",RESIDENTIAL,POSTPAID
				L002,ok,NOPE,POSTPAID
				""");

		ImportReport report = this.importer.importDirectory(this.tmp, this.tmp.resolve("rejects.csv"));

		assertThat(report.rejects()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(4);
			assertThat(r.column()).isEqualTo("usage_category");
		});
		assertThat(single("MATCH (c:Customer {id: 'L001'}) RETURN c.name AS v")).isEqualTo("two\nlines");
	}

	@Test
	void anUnclosedQuoteOnLineSixOfAThirtyRowFileCostsThatRowOnlyAndTheCountsAddUpToTheLines() throws IOException {
		var csv = new StringBuilder("customer_id,name,usage_category,payment_mode\n");
		for (int i = 1; i <= 30; i++) {
			csv.append(i == 5 ? "UQ05,\"never closed,RESIDENTIAL,POSTPAID\n" : String.format("UQ%02d,fine,RESIDENTIAL,POSTPAID%n", i));
		}
		Files.writeString(this.tmp.resolve("customers.csv"), csv);

		ImportReport report = this.importer.importDirectory(this.tmp, this.tmp.resolve("rejects.csv"));

		assertThat(report.rejects()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(6);
			assertThat(r.reason()).isEqualTo("malformed CSV: a quote opened on line 6 is still open after 10 lines; the record was "
					+ "skipped and reading went on at the next line");
		});
		var file = report.file(ContractFile.CUSTOMERS).orElseThrow();
		assertThat(file.lines()).isEqualTo(31);
		assertThat(file.rowsRead()).isEqualTo(30).isEqualTo(file.rowsImported() + file.rowsRejected());
		assertThat(file.rowsImported()).isEqualTo(29);
		assertThat(file.lines()).isEqualTo(1 + file.blankLines() + file.rowsRead());
		assertThat(single("MATCH (c:Customer) WHERE c.id STARTS WITH 'UQ' RETURN count(c) AS v")).isEqualTo(29L);
	}

	@Test
	void textAfterAClosingQuoteIsAMalformedRecordAndTheNextLineIsReadAgain() throws IOException {
		Files.writeString(this.tmp.resolve("customers.csv"), """
				customer_id,name,usage_category,payment_mode
				TQ01,"Li "Lei",RESIDENTIAL,POSTPAID
				TQ02,"Wang \"\"Wu\"\"",RESIDENTIAL,POSTPAID
				TQ03,"three
				lines, legal",RESIDENTIAL,POSTPAID
				TQ04,"opens here,RESIDENTIAL,POSTPAID
				TQ05,closes" here,RESIDENTIAL,POSTPAID
				TQ06,fine,RESIDENTIAL,POSTPAID
				""");

		ImportReport report = this.importer.importDirectory(this.tmp, this.tmp.resolve("rejects.csv"));

		assertThat(report.rejects()).extracting(Reject::line).containsExactly(2L, 6L);
		assertThat(report.rejects().getFirst().reason()).startsWith("malformed CSV: 'L' after the closing quote of cell 2");
		assertThat(single("MATCH (c:Customer) WHERE c.id STARTS WITH 'TQ' RETURN collect(c.id + '=' + c.name) AS v"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("TQ02=Wang \"Wu\"", "TQ03=three\nlines, legal", "TQ05=closes\" here", "TQ06=fine");
	}

	@Test
	void aFileWhoseStructureIsBrokenOnManyRecordsIsRefusedBeforeAnythingIsWritten() throws IOException {
		var csv = new StringBuilder("customer_id,name,usage_category,payment_mode\n");
		for (int i = 1; i <= 40; i++) {
			csv.append(String.format("BQ%02d,\"a\"b,RESIDENTIAL,POSTPAID%n", i));
		}
		Files.writeString(this.tmp.resolve("customers.csv"), csv);
		Map<String, Object> before = counts();

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageStartingWith("customers.csv: 40 of 40 records are not valid CSV, the first on line 2");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void gbkTextAfterTheFirstMegabyteRefusesTheWholeDirectoryBeforeAnythingIsWritten() throws IOException {
		var csv = new StringBuilder("customer_id,name,usage_category,payment_mode\n");
		for (int i = 1; i <= 40_000; i++) {
			csv.append(String.format("GB%05d,fine,RESIDENTIAL,POSTPAID%n", i));
		}
		Files.writeString(this.tmp.resolve("customers.csv"), csv);
		Files.write(this.tmp.resolve("customers.csv"), "GB99999,张三,RESIDENTIAL,POSTPAID\n".getBytes(java.nio.charset.Charset.forName("GBK")),
				java.nio.file.StandardOpenOption.APPEND);
		Map<String, Object> before = counts();

		assertThatThrownBy(() -> this.importer.importDirectory(this.tmp))
			.isInstanceOf(ImportFailedException.class)
			.hasMessage("customers.csv:40002: the file is not UTF-8 text (save it as UTF-8, e.g. not GBK); nothing of it was imported");
		assertThat(counts()).isEqualTo(before);
	}

	private Object single(String cypher) {
		return this.driver.executableQuery(cypher).execute().records().getFirst().get("v").asObject();
	}

	private Map<String, Object> counts() {
		return this.driver.executableQuery("""
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS c ORDER BY label RETURN collect([label, c]) AS perLabel }
				RETURN nodes, relationships, perLabel""").execute().records().getFirst().asMap();
	}

}
