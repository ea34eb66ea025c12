package com.powerkg;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.analytics.TestAnalytics;
import com.powerkg.cli.TestCommandLine;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.run.AnalyticsRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: a command of the product in a child JVM, killed with SIGKILL at a point where it holds state, and
 * what the next start makes of the store (docs/reliability.md).
 * <ul>
 * <li>An {@code analyze} killed while its run holds the results of one, two or all three stages, not yet published:
 * the published run stays served throughout; the next start marks the dead run FAILED and deletes what it wrote; the
 * next run succeeds.</li>
 * <li>An {@code import} killed while it applies the Cypher migrations leaves neo4j-migrations' lock node behind: the
 * next start recognises it as left by a dead process, clears it with a log line, and goes on (before, every later
 * command failed with "Cannot create __Neo4jMigrationsLock node" and the service refused to start).</li>
 * </ul>
 * Each child is a cold JVM that takes about 15 s to reach its point on 2 cores, while the test JVM waits: both start
 * at once ({@link #startBoth}), side by side about 23 s instead of 31. The build kills the {@code analyze} once, after
 * the segments (tags, channel mixes and segments written, credit and plan not);
 * {@code -Dpowerkg.test.crash-stages=histories,segments,credit,plan} kills it after each stage in turn.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded stores")
@ExtendWith(OutputCaptureExtension.class)
class KilledProcessTest {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

	static final LocalDate SECOND = LocalDate.of(2026, 11, 21);

	static final List<String> CRASH_STAGES = List.of(System.getProperty("powerkg.test.crash-stages", "segments").split(","));

	@TempDir
	static Path tmp;

	/** The store of the killed import, and the import, killed while it holds the migration lock. */
	static Path lockStore;

	static Child lockHolder;

	/** The store of the killed analyze, its published run, and the analyze killed after the first stage. */
	static Path runStore;

	static String published;

	static Child firstAnalyze;

	@BeforeAll
	static void startBoth() throws IOException {
		// migrated already (a copy of the JVM's template): the cold child applies only the slow script, not all of them
		lockStore = TestNeo4j.migratedStore();
		int bolt = freePort();
		// a transactional import: the migrations run at its start (a bulk load would build a new store before them)
		lockHolder = Child.start(tmp.resolve("import.log"), heldLock(bolt), "import", Fixtures.directory("small").toString(), "--mode",
				"transactional", "--verbose", // its log on stdout: the test waits for a line of it
				"--powerkg.neo4j.embedded.data-directory=" + lockStore, "--powerkg.neo4j.embedded.bolt-port=" + bolt,
				"--powerkg.migrations.locations=classpath:cypher/migrations,classpath:slow-migrations");

		// meanwhile: a published run on the other store, then the analyze that is killed after a stage
		runStore = TestNeo4j.migratedStore();
		try (var graph = PrivateGraph.asBuilt(runStore)) {
			new CsvImporter(graph.driver(), new ImportProperties(5000, tmp, 100_000, 2)).importDirectory(Fixtures.directory("tags"));
			published = TestAnalytics.service(graph.driver()).run(FIRST).runId();
		}
		firstAnalyze = analyzeKilledAfter(CRASH_STAGES.getFirst());
	}

	@AfterAll
	static void stopWhatIsLeft() {
		for (Child child : new Child[] { lockHolder, firstAnalyze }) {
			if (child != null) {
				child.process().destroyForcibly();
			}
		}
	}

	@Test
	void aRunKilledAfterAnyStageLeavesThePublishedRunServedAndIsCleanedUpAtTheNextStart() throws Exception {
		for (String stage : CRASH_STAGES) {
			Child analyze = stage.equals(CRASH_STAGES.getFirst()) ? firstAnalyze : analyzeKilledAfter(stage);
			analyze.awaitKilled();

			String dead;
			try (var graph = PrivateGraph.asBuilt(runStore)) {
				Driver driver = graph.driver();
				assertThat(new AnalyticsRuns(driver, AnalyticsProperties.DEFAULTS.runs()).publishedRunId()).as("after a kill in " + stage)
					.hasValue(published);
				dead = single(driver, "MATCH (r:AnalyticsRun {status: 'RUNNING'}) RETURN r.id AS v");
				assertThat(count(driver, "MATCH ()-[h:HAS_TAG]->() WHERE h.run = $run RETURN count(h) AS v", dead))
					.as("the dead run had written its tags").isPositive();
			}

			// the next start (any command or the service) recovers; here an analyze that must then succeed
			var out = new StringWriter();
			var err = new StringWriter();
			int exit = TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), "analyze", "--as-of",
					SECOND.toString(), "--powerkg.neo4j.embedded.data-directory=" + runStore, "--powerkg.neo4j.embedded.bolt-port=0");
			assertThat(err.toString()).isEmpty();
			assertThat(exit).as("analyze after the kill in " + stage).isZero();

			try (var graph = PrivateGraph.asBuilt(runStore)) {
				Driver driver = graph.driver();
				assertThat(single(driver, "MATCH (r:AnalyticsRun {id: $run}) RETURN r.status + ': ' + r.message AS v", dead))
					.isEqualTo("FAILED: the process ended during the run");
				for (String type : List.of("HAS_TAG", "IN_SEGMENT", "RATED", "USED_CHANNEL")) {
					assertThat(count(driver, "MATCH ()-[x:" + type + "]->() WHERE x.run = $run RETURN count(x) AS v", dead))
						.as(type + " of the dead run").isZero();
				}
				published = new AnalyticsRuns(driver, AnalyticsProperties.DEFAULTS.runs()).publishedRunId().orElseThrow();
				assertThat(single(driver, "MATCH (r:AnalyticsRun {id: $run}) RETURN toString(r.asOf) AS v", published))
					.isEqualTo(SECOND.toString());
			}
		}
	}

	@Test
	void aProcessKilledWhileItHoldsTheMigrationLockDoesNotLockTheNextStartOut(CapturedOutput output) throws Exception {
		lockHolder.awaitKilled();

		var out = new StringWriter();
		var err = new StringWriter();
		int exit = TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), "import",
				Fixtures.directory("small").toString(), "--mode", "transactional", "--powerkg.neo4j.embedded.data-directory=" + lockStore,
				"--powerkg.neo4j.embedded.bolt-port=0");

		assertThat(exit).as(err.toString()).isZero();
		assertThat(output.getOut()).contains("Cleared the Cypher migration lock").contains("left by a process that ended");
		try (var graph = PrivateGraph.asBuilt(lockStore)) {
			Driver driver = graph.driver();
			assertThat(count(driver, "MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n")).isZero();
			assertThat(count(driver, "MATCH (c:Customer) RETURN count(c) AS n")).isEqualTo(5);
			assertThat(count(driver, "MATCH (m:__Neo4jMigration) WHERE m.version = '0999' RETURN count(m) AS n"))
				.as("the killed script was never recorded").isZero();
		}
	}

	/** An {@code analyze} of the second date on the run store, held after {@code stage} and killed there. */
	private static Child analyzeKilledAfter(String stage) throws IOException {
		return Child.start(tmp.resolve("analyze-" + stage + ".log"), log -> log.contains("paused after stage " + stage), "analyze",
				"--as-of", SECOND.toString(), "--powerkg.neo4j.embedded.data-directory=" + runStore, "--powerkg.neo4j.embedded.bolt-port=0",
				"--powerkg.analytics.pause-after-stage=" + stage);
	}

	/**
	 * The product's scripts are applied and the slow one holds the lock: asked over the child's Bolt port once its
	 * log says the database is starting, one attempt per look (the driver's retries would wait out their back-off
	 * of 1, 2, 4, 8 s while Bolt is not listening yet, long after it is).
	 */
	private static Predicate<String> heldLock(int bolt) {
		return log -> {
			if (!log.contains("Starting embedded Neo4j")) {
				return false;
			}
			Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none(),
					Config.builder().withMaxTransactionRetryTime(0, TimeUnit.SECONDS).build());
			try {
				return count(driver, "MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n") > 0
						&& count(driver, "MATCH (m:__Neo4jMigration) WHERE m.version = '0012' RETURN count(m) AS n") > 0;
			}
			catch (RuntimeException notYetListening) {
				return false; // Bolt comes up a moment after the log line
			}
			finally {
				driver.closeAsync(); // its I/O threads end on their own, no 200 ms wait per look
			}
		};
	}

	private static String single(Driver driver, String cypher, String... run) {
		return driver.executableQuery(cypher).withParameters(run.length == 0 ? Map.of() : Map.of("run", run[0])).execute()
			.records().getFirst().get("v").asString();
	}

	private static long count(Driver driver, String cypher, String... run) {
		return driver.executableQuery(cypher).withParameters(run.length == 0 ? Map.of() : Map.of("run", run[0])).execute()
			.records().getFirst().get(0).asLong();
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A command of the product in a cold child JVM, as an operator's would run, its output in {@code log}; a thread of
	 * its own kills it (SIGKILL) as soon as the log, or what the log lets it ask, says it is at its point.
	 */
	record Child(Process process, CompletableFuture<Void> killed) {

		static Child start(Path log, Predicate<String> atThePoint, String... command) throws IOException {
			String java = ProcessHandle.current().info().command().orElseThrow();
			List<String> line = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
					System.getProperty("java.class.path"), "com.powerkg.PowerKgApplication"));
			line.addAll(List.of(command));
			line.add("--powerkg.neo4j.embedded.page-cache=" + TestNeo4j.PAGE_CACHE);
			Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			var killed = new CompletableFuture<Void>();
			Thread.ofVirtual().start(() -> {
				try {
					watch(process, log, atThePoint);
					killed.complete(null);
				}
				catch (Throwable failed) {
					killed.completeExceptionally(failed);
				}
				finally {
					process.destroyForcibly();
				}
			});
			return new Child(process, killed);
		}

		private static void watch(Process process, Path log, Predicate<String> atThePoint) throws IOException, InterruptedException {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
			while (!atThePoint.test(Files.readString(log))) {
				assertThat(process.isAlive()).as("child still running; its log:%n%s", Files.readString(log)).isTrue();
				assertThat(Instant.now()).as("child reached its point in time; its log:%n%s", Files.readString(log)).isBefore(deadline);
				Thread.sleep(200);
			}
		}

		/** Waits until the child was killed at its point; fails as the watch failed (the child ended before, or too late). */
		void awaitKilled() throws InterruptedException {
			try {
				this.killed.join();
			}
			catch (CompletionException failed) {
				if (failed.getCause() instanceof Error error) {
					throw error;
				}
				throw new AssertionError(failed.getCause());
			}
			assertThat(this.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(this.process.exitValue()).as("killed, not ended").isNotZero();
		}

	}

}
