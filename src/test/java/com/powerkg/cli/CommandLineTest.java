package com.powerkg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.PowerKgApplication;
import com.powerkg.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as an operator uses it: exit codes and one-line reasons. Each database command starts its own
 * embedded Neo4j in a fresh store, like a real invocation.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return PowerKgCommand.commandLine(PowerKgApplication.class, new PrintWriter(this.out, true), new PrintWriter(this.err, true)).execute(args);
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void importReportsPerFileCountsAndRejectsAndExitsZero(@TempDir Path tmp, CapturedOutput output) {
		// transactionally into a migrated store: the bulk path's report through the command is BadInputEndToEndTest's
		Path store = TestNeo4j.migratedStore();
		int exit = run("import", Fixtures.directory("malformed").toString(), "--mode", "transactional", "--rejects",
				tmp.resolve("rejects.csv").toString(), "--powerkg.neo4j.embedded.data-directory=" + store,
				"--powerkg.neo4j.embedded.bolt-port=0");

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern("customers.csv\\s+5 read\\s+2 imported\\s+3 rejected")
			.contains("rejected customers.csv:3: usage_category: 'RESIDENTAL' is not one of")
			.contains("Imported 4 of 15 rows");
		assertThat(tmp.resolve("rejects.csv")).exists();
		assertThat(output.getOut()).as("transactional: the store is opened once, not first to count its customers (bulk does that)")
			.containsOnlyOnce("Starting embedded Neo4j in " + store + " with Bolt");
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void analyzePrintsTagsAndSegmentsAndTheWorklistIsAnExcelReadableCsv(@TempDir Path tmp) throws Exception {
		// into a store the service has migrated, so transactionally (a bulk load migrates the store it builds from empty)
		Path store = TestNeo4j.migratedStore();
		assertThat(run("import", Fixtures.directory("tags").toString(), "--mode", "transactional",
				"--powerkg.neo4j.embedded.data-directory=" + store, "--powerkg.neo4j.embedded.bolt-port=0")).as(this.err.toString()).isZero();

		int exit = run("analyze", "--as-of", "2026-11-20", "--powerkg.neo4j.embedded.data-directory=" + store,
				"--powerkg.neo4j.embedded.bolt-port=0", "--powerkg.segmentation.k.arrears-risk=auto",
				"--powerkg.segmentation.reports-directory=" + tmp.resolve("reports"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("REPEATED_ARREARS").containsPattern("segments: 13 customers")
			.containsPattern("ARREARS_RISK +k=\\d \\(auto\\) silhouette").contains("REVENUE_CONTRIBUTION")
			.as("the fixture has no consumption: growth says who was not clustered and why, and warns")
			.containsPattern("INSUFFICIENT_HISTORY +13 +100.0 % +not clustered +\\{NO_CONSUMPTION_DATA=13\\}")
			.contains("warning NOTHING_CLUSTERED")
			.containsPattern("pictures: .*segments-run-2026-11-20-")
			.as("the fixture has no credit outcomes").contains("credit: NOT_RATED, too few credit outcomes to train: 0 defaulted");

		try (var pictures = java.nio.file.Files.walk(tmp.resolve("reports"))) {
			assertThat(pictures.filter(p -> p.toString().endsWith(".svg")).map(p -> p.getFileName().toString()))
				.containsExactlyInAnyOrder("REVENUE_CONTRIBUTION.svg", "SOCIAL_INFLUENCE.svg", "GROWTH_POTENTIAL.svg", "ARREARS_RISK.svg");
		}
		Path csv = tmp.resolve("worklist.csv");
		int worklist = run("worklist", "--date", "2026-11-20", "--out", csv.toString(), "--powerkg.neo4j.embedded.data-directory=" + store,
				"--powerkg.neo4j.embedded.bolt-port=0");

		assertThat(worklist).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).containsPattern("worklist for 2026-11-20: \\d+ tasks written")
			.containsPattern("contacts: \\d+ planned against \\d+ in the uniform four-round baseline");
		byte[] bytes = Files.readAllBytes(csv);
		assertThat(java.util.Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n"));
		assertThat(lines.getFirst()).isEqualTo(String.join(",", WorklistCommand.COLUMNS));
		assertThat(lines).as("advice in Chinese survives").anyMatch(l -> l.contains("核实客户新的联系方式"));
		assertThat(lines.subList(1, lines.size())).as("phone-averse T_STATED is visited, never phoned")
			.filteredOn(l -> l.contains(",T_STATED,")).isNotEmpty().noneMatch(l -> l.contains(",PHONE,"))
			.anyMatch(l -> l.contains(",CONTACT_VERIFICATION,0,ONSITE,"));
		assertThat(lines.get(1)).startsWith("1,");
		assertThat(lines).as("names are masked without --with-personal-data").noneMatch(l -> l.matches(".*,1[3-9]\\d{9},.*"));
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void generatedDataCanBeImportedAndRatedAndAnalyzePrintsTheHeldOutQuality(@TempDir Path tmp) {
		Path store = TestNeo4j.freshStore();
		String[] database = {"--powerkg.neo4j.embedded.data-directory=" + store, "--powerkg.neo4j.embedded.bolt-port=0"};
		assertThat(run("generate", "--customers", "600", "--months", "24", "--seed", "5", "--out", tmp.toString())).isZero();
		assertThat(run(concat(new String[] {"import", tmp.toString()}, database))).as(this.err.toString()).isZero();

		int exit = run(concat(new String[] {"analyze", "--as-of", "2026-11-20"}, database));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.containsPattern("credit labels: [\\d,]+ outcomes usable \\(12-month window ended by the as-of date\\)")
			.containsPattern("credit model \\((FISHER|LOGISTIC|BOOSTED_TREES), the champion\\): trained on \\d+ outcomes .*held out \\d+: "
					+ "AUC 0\\.\\d{3}, KS 0\\.\\d{3}, Gini 0\\.\\d{3}")
			.containsPattern("  FISHER +held-out AUC 0\\.\\d{3}, KS 0\\.\\d{3}, Gini")
			.containsPattern("  LOGISTIC +held-out AUC 0\\.\\d{3}")
			.containsPattern("  BOOSTED_TREES +held-out AUC 0\\.\\d{3}")
			.containsPattern("calibration of \\w+ by PD decile \\(mean PD -> observed default rate\\): (0\\.\\d{3}->[01]\\.\\d{3}, ){9}")
			.containsPattern("  PAID_SHARE_3 +IV \\d\\.\\d{3}  PSI \\d\\.\\d{3}")
			.contains("credit drift gate: passed")
			.containsPattern("credit: RATED, rated 600 customers with (FISHER|LOGISTIC|BOOSTED_TREES)").containsPattern("AAA +[\\d,]+ customers").containsPattern("C +[\\d,]+ customers, mean PD 0\\.\\d{3}");
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void aWrongSegmentationSettingFailsWithOneLine() {
		int exit = run("analyze", "--as-of", "2026-11-20", "--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(),
				"--powerkg.neo4j.embedded.bolt-port=0", "--powerkg.segmentation.k.arrears-risk=9");
		assertThat(exit).isNotZero();
		assertThat(this.err.toString().strip()).doesNotContain("\n").contains("powerkg.segmentation.k.arrears-risk=9")
			.contains("from 2 to 8 or 'auto'");
	}

	/** For an external server: the importer's files and the neo4j-admin command, and no database opened or created. */
	@Test
	void importWithEmitAdminImportWritesTheFilesAndPrintsTheCommandWithoutOpeningADatabase(@TempDir Path tmp) {
		Path store = tmp.resolve("no-store-here");
		Path out = tmp.resolve("for-the-server");
		int exit = run("import", Fixtures.directory("malformed").toString(), "--emit-admin-import", out.toString(),
				"--rejects", tmp.resolve("rejects.csv").toString(), "--powerkg.neo4j.embedded.data-directory=" + store);

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("neo4j-admin database import full neo4j --nodes=Customer=input/")
			.contains("rejected").contains(out.resolve("neo4j-admin-import.txt").toString());
		assertThat(out.resolve("neo4j-admin-import.txt")).exists();
		assertThat(tmp.resolve("rejects.csv")).exists();
		assertThat(store).doesNotExist();
	}

	@Test
	void importOfAMissingDirectoryFailsWithOneLine() {
		int exit = run("import", "/no/such/dir", "--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(),
				"--powerkg.neo4j.embedded.bolt-port=0");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString().strip()).isEqualTo("power-kg import: /no/such/dir is not a directory (expected a folder of contract CSV files)");
	}

	@Test
	void hashPasswordPrintsABcryptHashOfStandardInputThatTheServiceAccepts() {
		java.io.InputStream stdin = System.in;
		try {
			System.setIn(new java.io.ByteArrayInputStream("correct horse battery\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(run("hash-password")).isZero();
		}
		finally {
			System.setIn(stdin);
		}
		String hash = this.out.toString().strip();
		assertThat(hash).startsWith("{bcrypt}$2");
		assertThat(org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder()
			.matches("correct horse battery", hash)).isTrue();
		assertThat(new com.powerkg.security.SecurityProperties(List.of(new com.powerkg.security.SecurityProperties.User("ops", hash,
				java.util.Set.of(com.powerkg.security.Role.ADMIN)))).users()).hasSize(1);
	}

	@Test
	void onlyNoArgumentsOrSettingsAloneStartTheService() {
		assertThat(PowerKgCommand.servesWith(new String[0])).isTrue();
		assertThat(PowerKgCommand.servesWith(new String[] { "--server.port=0", "--spring.neo4j.uri=bolt://x:7687" })).isTrue();
		for (String command : PowerKgCommand.commandLine(PowerKgApplication.class).getSubcommands().keySet()) {
			assertThat(PowerKgCommand.servesWith(new String[] { command })).as(command).isFalse();
		}
		assertThat(PowerKgCommand.servesWith(new String[] { "frobnicate" })).isFalse();
		assertThat(PowerKgCommand.servesWith(new String[] { "--help" })).isFalse();
		assertThat(PowerKgCommand.servesWith(new String[] { "--server.port=0", "frobnicate" })).isFalse();
	}

	@Test
	void anUnknownCommandExitsTwoWithTheUsageAndNeverAServer() {
		java.io.PrintStream stderr = System.err;
		var captured = new java.io.ByteArrayOutputStream();
		int exit;
		try {
			System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
			exit = PowerKgCommand.execute(PowerKgApplication.class, new String[] { "frobnicate" });
		}
		finally {
			System.setErr(stderr);
		}
		assertThat(exit).isEqualTo(PowerKgCommand.WRONG_ARGUMENTS);
		assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Unmatched argument")
			.contains("frobnicate").contains("Usage: power-kg");
	}

	@Test
	void aSettingGivenTwiceIsBoundOnceTheLastWinning() {
		assertThat(SpringJob.onceEach(List.of("--a.b=1", "--c=2", "--a.b=3"))).containsExactly("--c=2", "--a.b=3");
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void importWithTheSampleSwitchedOffExplicitlyWorks() {
		int exit = run("import", Fixtures.directory("small").toString(), "--mode", "transactional",
				"--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.migratedStore(), "--powerkg.neo4j.embedded.bolt-port=0",
				"--powerkg.sample.load-on-empty-database=false");

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Imported 25 of 25 rows");
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void aCommandOnAStoreAnotherProcessHasOpenIsRefusedAsBusyWithExitThree() {
		Path store = TestNeo4j.freshStore();
		var neo4j = com.powerkg.graph.EmbeddedNeo4j.start(TestNeo4j.embedded(store));
		try (neo4j) {
			int exit = run("analyze", "--as-of", "2026-11-20", "--powerkg.neo4j.embedded.data-directory=" + store,
					"--powerkg.neo4j.embedded.bolt-port=0");

			assertThat(exit).isEqualTo(PowerKgCommand.REFUSED_RUN_ACTIVE);
			assertThat(this.err.toString().strip()).startsWith("power-kg analyze: The Neo4j store in ")
				.contains("is in use by another process").doesNotContain("\n")
				.as("a free port (0) is not the running service's port").endsWith("--spring.neo4j.uri=bolt://127.0.0.1:<its Bolt port>.");

			this.err.getBuffer().setLength(0);
			int bulk = run("import", Fixtures.directory("small").toString(), "--mode", "bulk", "--powerkg.neo4j.embedded.data-directory=" + store,
					"--powerkg.neo4j.embedded.bolt-port=7699");
			assertThat(bulk).isEqualTo(PowerKgCommand.REFUSED_RUN_ACTIVE);
			assertThat(this.err.toString().strip()).as("a bulk load cannot go through the running service: it says what can")
				.isEqualTo("power-kg import: The Neo4j store in " + store + " is in use by another process (is the service running?), "
						+ "and a bulk load writes the store's files itself: stop the service first, or load through it in transactions "
						+ "with --mode transactional --spring.neo4j.uri=bolt://127.0.0.1:7699.");
		}
	}

	@Test
	void aShortPasswordIsRefusedWithOneLine() {
		java.io.InputStream stdin = System.in;
		try {
			System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(run("hash-password")).isEqualTo(1);
		}
		finally {
			System.setIn(stdin);
		}
		assertThat(this.err.toString().strip()).isEqualTo("power-kg hash-password: a password needs at least 8 characters");
	}

	@Test
	void strayArgumentsAreRefused() {
		assertThat(run("import", "dir", "oops")).isNotZero();
	}

	@Test
	void generateWritesTheContractFiles(@TempDir Path tmp) {
		int exit = run("generate", "--customers", "20", "--months", "3", "--seed", "1", "--out", tmp.toString());

		assertThat(exit).isZero();
		assertThat(tmp.resolve("customers.csv")).exists();
		assertThat(this.out.toString()).containsPattern("customers.csv\\s+20 rows");
	}

	@Test
	void generateWithImpossibleSizeFailsWithOneLine(@TempDir Path tmp) {
		assertThat(run("generate", "--customers", "0", "--months", "3", "--out", tmp.toString())).isEqualTo(1);
		assertThat(this.err.toString().strip()).isEqualTo("power-kg generate: customers must be at least 1 but was 0");
	}

	@Test
	void worklistIntoAMissingFolderFailsWithOneLineAndWritesNothing(@TempDir Path tmp) {
		assertThat(run("worklist", "--date", "2026-11-20", "--out", tmp.resolve("no/such/w.csv").toString())).isEqualTo(1);
		assertThat(this.err.toString().strip()).doesNotContain("\n").contains("does not exist");
	}

	@Test
	void badDateIsAUsageError() {
		assertThat(run("analyze", "--as-of", "20-11-2026")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--as-of");
	}

}
