package com.powerkg.ingest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.TestNeo4j;
import com.powerkg.cli.TestCommandLine;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first load through Neo4j's bulk importer builds the same graph as the transactional import of the same files,
 * rejects the same rows for the same reasons, and never leaves a half-built store.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded stores")
@ExtendWith(OutputCaptureExtension.class)
class BulkLoadTest {

	static final ImportProperties PROPERTIES = new ImportProperties(500, Path.of("target/test-reports"), 100_000, 2, 2, "256m");

	/** Every node of these labels, by key, with every property: the two graphs must agree on all of them. */
	static final Map<String, String> SAMPLED = Map.of("Customer", "id", "Bill", "id", "Payment", "id", "DunningContact", "id",
			"WorkOrder", "id", "Consumption", "key", "CreditOutcome", "key", "Region", "code", "Channel", "code");

	@Test
	void theBulkPathAndTheTransactionalPathBuildTheSameGraph(@TempDir Path tmp) throws Exception {
		Path data = tmp.resolve("data");
		new DataGenerator(done -> { }).generate(new GeneratorConfig(60, 13, 3, YearMonth.of(2026, 10)), data);
		untidy(data.resolve("customers.csv"));

		Path bulkStore = TestNeo4j.freshStore();
		ImportReport bulk = new BulkLoad(PROPERTIES).load(data, bulkStore, tmp.resolve("bulk-rejects.csv"));
		// the transactional path loads into a store the migrations have brought up to date, as the service leaves it: the
		// JVM's reused database, back at the template's content (its import statements compiled already)
		try (var first = open(bulkStore); var second = PrivateGraph.reused()) {
			ImportReport transactional = new CsvImporter(second.driver(), PROPERTIES).importDirectory(data, tmp.resolve("tx-rejects.csv"));

			assertThat(bulk.mode()).isEqualTo(ImportReport.Mode.BULK);
			assertThat(bulk.rowsRejected()).as("the untidy cells are valid").isZero();
			assertThat(strings(first.driver(), "MATCH (c:Customer) WHERE c.name CONTAINS '\n' RETURN c.name ORDER BY c.id"))
				.as("the names with line breaks, whole").hasSize(2).anySatisfy(name -> assertThat(name).endsWith(",\"小\"\n明"));
			assertThat(bulk.rowsImported()).isEqualTo(transactional.rowsImported()).isPositive();
			GraphCounts bulkCounts = GraphCounts.of(first.driver());
			assertThat(bulkCounts).isEqualTo(GraphCounts.of(second.driver()));
			assertThat(bulkCounts.labels()).containsKeys("Customer", "Bill", "Payment", "Consumption", "Channel", "Region", "Tag");
			for (var label : SAMPLED.entrySet()) {
				assertThat(nodes(first.driver(), label.getKey(), label.getValue())).as(label.getKey())
					.isEqualTo(nodes(second.driver(), label.getKey(), label.getValue()));
			}
			String links = """
					MATCH (a)-[r:IN_REGION|IN_INDUSTRY|CONSUMED|BILLED|PAID|SETTLES|VIA|RECEIVED|CONCERNS|RAISED|HAS_OUTCOME]->(b)
					RETURN type(r) + ' ' + coalesce(a.id, a.key, a.code) + ' ' + coalesce(b.id, b.key, b.code) AS link ORDER BY link""";
			assertThat(strings(first.driver(), links)).isEqualTo(strings(second.driver(), links));
			// the prepaid customers' ledgers (BillSettlement against PrepaidOpenUntil), lists in the same order
			assertThat(ledgers(first.driver())).as("ledgers").isEqualTo(ledgers(second.driver()))
				.anySatisfy(ledger -> assertThat(ledger).containsKeys("billsIssuedOn", "topUpsAt"));
		}
	}

	private static List<Map<String, Object>> ledgers(Driver driver) {
		List<Map<String, Object>> ledgers = new ArrayList<>();
		driver.executableQuery("MATCH (c:Customer)-[:HAS_LEDGER]->(l:PrepaidLedger) RETURN c.id AS id, properties(l) AS p ORDER BY c.id")
			.execute().records().forEach(r -> {
				Map<String, Object> ledger = new TreeMap<>(r.get("p").asMap());
				ledger.put("customer", r.get("id").asString());
				ledgers.add(ledger);
			});
		return ledgers;
	}

	/**
	 * For an external server the same files are written with the neo4j-admin command instead of being loaded: run as
	 * printed (its paths relative to the folder), the command builds the graph the bulk load builds.
	 */
	@Test
	void theEmittedFilesAndCommandForAnExternalServerBuildTheSameGraphAsTheBulkLoad(@TempDir Path tmp) throws Exception {
		Path data = tmp.resolve("data");
		new DataGenerator(done -> { }).generate(new GeneratorConfig(40, 6, 1, YearMonth.of(2026, 10)), data);
		untidy(data.resolve("customers.csv"));
		Path out = tmp.resolve("for-the-server");

		var emitted = new BulkLoad(PROPERTIES).emit(data, out, tmp.resolve("emit-rejects.csv"));

		assertThat(emitted.command()).startsWith("neo4j-admin", "database", "import", "full", "neo4j")
			.contains("--bad-tolerance=0", "--skip-duplicate-nodes=false", "--overwrite-destination=true")
			.anySatisfy(a -> assertThat(a).startsWith("--nodes=Customer=input/"))
			.as("the file with line breaks in cells, and only it").contains("--multiline-fields-format=v2", "--multiline-fields=input/Customer.csv")
			.noneSatisfy(a -> assertThat(a).contains(out.toAbsolutePath().toString()));
		assertThat(java.nio.file.Files.readString(emitted.instructions())).contains(String.join(" ", emitted.command()));
		assertThat(emitted.report().rowsImported()).isPositive();
		assertThat(java.nio.file.Files.list(out.resolve("input")).count()).isGreaterThan(5);

		// as the operator would run it from inside the folder
		List<String> inputs = emitted.command().stream()
			.filter(a -> a.startsWith("--nodes=") || a.startsWith("--relationships=") || a.startsWith("--multiline-fields"))
			.map(a -> {
				if (a.startsWith("--multiline-fields-format=")) {
					return a;
				}
				int eq = a.lastIndexOf('=');
				return a.substring(0, eq + 1) + String.join(",", java.util.Arrays.stream(a.substring(eq + 1).split(","))
					.map(path -> out.resolve(path).toAbsolutePath().toString()).toList());
			})
			.toList();
		Path fromCommand = TestNeo4j.freshStore();
		new BulkLoad(PROPERTIES).buildStore(fromCommand, inputs);
		Path bulkStore = TestNeo4j.freshStore();
		ImportReport bulk = new BulkLoad(PROPERTIES).load(data, bulkStore, tmp.resolve("bulk-rejects.csv"));
		assertThat(bulk.rowsImported()).isEqualTo(emitted.report().rowsImported());
		// the graphs as the two imports built them (the migrations the service then applies are the same on both)
		try (var first = PrivateGraph.asBuilt(bulkStore); var second = PrivateGraph.asBuilt(fromCommand)) {
			assertThat(GraphCounts.of(second.driver())).isEqualTo(GraphCounts.of(first.driver()));
			assertThat(nodes(second.driver(), "Customer", "id")).isEqualTo(nodes(first.driver(), "Customer", "id"));
		}
	}

	/**
	 * Untidy cells as a spreadsheet writes them, in the names of the first two customers: a comma, quotes and line
	 * breaks inside quotes, a byte-order mark, Windows line ends.
	 */
	private static void untidy(Path customers) throws java.io.IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(customers));
		String[] cells = lines.get(1).split(",", -1);
		cells[1] = "\"" + cells[1] + ",\"\"小\"\"\n明\"";
		lines.set(1, String.join(",", cells));
		cells = lines.get(2).split(",", -1);
		cells[1] = "\"" + cells[1] + "\r\n\rB\"";
		lines.set(2, String.join(",", cells));
		Files.writeString(customers, "\uFEFF" + String.join("\r\n", lines) + "\r\n");
	}

	@Test
	void everyRejectOfTheTransactionalPathIsAlsoABulkReject(@TempDir Path tmp) throws Exception {
		ImportReport bulk = new BulkLoad(PROPERTIES).load(Fixtures.directory("malformed"), TestNeo4j.freshStore(), tmp.resolve("b.csv"));
		ImportReport transactional;
		try (var store = open(TestNeo4j.migratedStore())) {
			transactional = new CsvImporter(store.driver(), PROPERTIES).importDirectory(Fixtures.directory("malformed"), tmp.resolve("t.csv"));
		}

		assertThat(sorted(bulk.rejects())).isEqualTo(sorted(transactional.rejects()));
		assertThat(bulk.rejects()).extracting(Reject::reason).contains("unknown customer X999", "unknown bill NO-SUCH-BILL",
				"bill M001-202609 belongs to customer M001, not M004");
		assertThat(Files.readAllLines(tmp.resolve("b.csv"))).hasSameSizeAs(Files.readAllLines(tmp.resolve("t.csv")));
	}

	@Test
	void aBulkLoadThatDidNotFinishIsClearedAtTheNextStartAndTheStoreIsAsBefore(CapturedOutput output) throws Exception {
		Path store = TestNeo4j.migratedStore();
		try (var before = open(store)) {
			before.driver().executableQuery("CREATE (:Customer {id: 'KEPT'})").execute();
		}
		// what a load killed while the importer ran leaves: its staging folder with a half-built store
		Path staging = store.resolve(BulkLoad.STAGING);
		Files.createDirectories(staging.resolve("home/data/databases/neo4j"));
		Files.writeString(staging.resolve("STARTED"), "bulk load of /extract/2026-11 started 2026-12-01T02:00");
		Files.writeString(staging.resolve("home/data/databases/neo4j/neostore"), "half");

		try (var after = open(store)) {
			assertThat(after.driver().executableQuery("MATCH (c:Customer) RETURN collect(c.id) AS ids").execute().records().getFirst()
				.get("ids").asList()).containsExactly("KEPT");
		}
		assertThat(staging).doesNotExist();
		assertThat(output.getOut()).contains("bulk load of /extract/2026-11 started 2026-12-01T02:00 did not finish");
	}

	@Test
	void theCommandBulkLoadsAnEmptyStoreAndLoadsTransactionallyOnceItHasData(@TempDir Path tmp, CapturedOutput output) throws Exception {
		// a store that exists and holds no customers (a migrated one, as a service's start without the sample leaves it);
		// where there is no store yet, as in BadInputEndToEndTest, the bulk importer creates it
		Path store = TestNeo4j.migratedStore();
		String dataDirectory = "--powerkg.neo4j.embedded.data-directory=" + store;
		String reports = "--powerkg.import.reports-directory=" + tmp.resolve("reports");

		var first = run("import", Fixtures.directory("small").toString(), dataDirectory, "--powerkg.neo4j.embedded.bolt-port=0", reports);
		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(first.out()).contains("bulk load into the empty store").contains("(bulk)").contains("Imported 25 of 25 rows")
			.as("the given directory only, not the sample an empty database gets at a service's first start")
			.containsPattern("graph: \\{.*Customer=5[,}]");

		int before = output.getOut().length();
		var again = run("import", Fixtures.directory("small").toString(), dataDirectory, "--powerkg.neo4j.embedded.bolt-port=0", reports);
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(again.out()).doesNotContain("bulk load").contains("(transactional)");
		assertThat(output.getOut().substring(before)).as("a monthly load opens the store once: the import's job counts its customers")
			.containsOnlyOnce("Starting embedded Neo4j in " + store + " with Bolt");

		var refused = run("import", Fixtures.directory("small").toString(), "--mode", "bulk", dataDirectory,
				"--powerkg.neo4j.embedded.bolt-port=0", reports);
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err().strip()).isEqualTo("power-kg import: --mode bulk loads an empty store, and " + store
				+ " has 5 customers: later loads are transactional (--mode transactional, or auto)");

		var external = run("import", Fixtures.directory("small").toString(), "--mode", "BULK", "--spring.neo4j.uri=bolt://127.0.0.1:1");
		assertThat(external.exit()).isEqualTo(1);
		assertThat(external.err()).contains("--mode bulk writes the store files of the embedded database itself");

		List<Path> json;
		try (var files = Files.list(tmp.resolve("reports"))) {
			json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(json).hasSize(2);
		String report = Files.readString(json.getFirst());
		assertThat(report).contains("\"mode\" : \"bulk\"").contains("\"graph\"").contains("\"labels\"").contains("\"relationships\"")
			.contains("\"Customer\" : 5").contains("\"BILLED\"").contains("\"rowsPerSecond\"");
	}

	record Run(int exit, String out, String err) {
	}

	private static Run run(String... args) {
		var out = new StringWriter();
		var err = new StringWriter();
		int exit = TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Run(exit, out.toString(), err.toString());
	}

	private static PrivateGraph open(Path store) {
		return PrivateGraph.open(store);
	}

	private static List<Map<String, Object>> nodes(Driver driver, String label, String key) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		driver.executableQuery("MATCH (n:" + label + ") RETURN properties(n) AS p ORDER BY n." + key).execute().records()
			.forEach(r -> nodes.add(new TreeMap<>(r.get("p").asMap())));
		return nodes;
	}

	private static List<String> strings(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records().stream().map(r -> r.get(0).asString()).toList();
	}

	private static List<String> sorted(List<Reject> rejects) {
		return rejects.stream().map(Reject::toString).sorted().toList();
	}

}
