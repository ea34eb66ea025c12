package com.powerkg.graph;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.TestNeo4j;
import com.powerkg.cli.TestCommandLine;
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
 * Fault injection: a process killed (SIGKILL) while it applies the Cypher migrations leaves neo4j-migrations' lock node
 * behind. The next start on that store must recognise it as left by a dead process, clear it with a log line, and go
 * on; before, every later command failed with "Cannot create __Neo4jMigrationsLock node" and the service refused to
 * start.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
@ExtendWith(OutputCaptureExtension.class)
class MigrationLockCrashTest {

	@Test
	void aProcessKilledWhileItHoldsTheMigrationLockDoesNotLockTheNextStartOut(@TempDir Path tmp, CapturedOutput output)
			throws Exception {
		// migrated already (a copy of the JVM's template): the cold child applies only the slow script, not all of them
		Path store = TestNeo4j.migratedStore();
		int bolt = freePort();
		Path log = tmp.resolve("child.log");
		String java = ProcessHandle.current().info().command().orElseThrow();
		// a transactional import: the migrations run at its start (a bulk load would build a new store before them)
		Process child = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), "com.powerkg.PowerKgApplication", "import", Fixtures.directory("small").toString(),
				"--mode", "transactional", "--verbose", // its log on stdout: the test waits for a line of it
				"--powerkg.neo4j.embedded.data-directory=" + store, "--powerkg.neo4j.embedded.bolt-port=" + bolt,
				"--powerkg.neo4j.embedded.page-cache=" + TestNeo4j.PAGE_CACHE,
				"--powerkg.migrations.locations=classpath:cypher/migrations,classpath:slow-migrations")
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			waitUntilTheLockIsHeld(child, bolt, log);
		}
		finally {
			child.destroyForcibly();
			child.waitFor();
		}
		assertThat(child.exitValue()).as("killed, not ended").isNotZero();

		var out = new StringWriter();
		var err = new StringWriter();
		int exit = TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), "import",
				Fixtures.directory("small").toString(), "--mode", "transactional", "--powerkg.neo4j.embedded.data-directory=" + store,
				"--powerkg.neo4j.embedded.bolt-port=0");

		assertThat(exit).as(err.toString()).isZero();
		assertThat(output.getOut()).contains("Cleared the Cypher migration lock").contains("left by a process that ended");
		try (var graph = PrivateGraph.asBuilt(store)) {
			Driver driver = graph.driver();
			assertThat(count(driver, "MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n")).isZero();
			assertThat(count(driver, "MATCH (c:Customer) RETURN count(c) AS n")).isEqualTo(5);
			assertThat(count(driver, "MATCH (m:__Neo4jMigration) WHERE m.version = '0999' RETURN count(m) AS n"))
				.as("the killed script was never recorded").isZero();
		}
	}

	private static void waitUntilTheLockIsHeld(Process child, int bolt, Path log) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (true) {
			assertThat(child.isAlive()).as("child still running; its log:%n%s", Files.readString(log)).isTrue();
			assertThat(Instant.now()).as("child took the migration lock in time; its log:%n%s", Files.readString(log))
				.isBefore(deadline);
			if (Files.readString(log).contains("Starting embedded Neo4j")) {
				// one attempt per look: the driver's retries would wait out their back-off (1, 2, 4, 8 s) while Bolt is
				// not listening yet, long after it is
				try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none(),
						Config.builder().withMaxTransactionRetryTime(0, TimeUnit.SECONDS).build())) {
					if (count(driver, "MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n") > 0
							&& count(driver, "MATCH (m:__Neo4jMigration) WHERE m.version = '0012' RETURN count(m) AS n") > 0) {
						return; // the product's scripts are applied and the slow one holds the lock
					}
				}
				catch (RuntimeException notYetListening) {
					// Bolt comes up a moment after the log line
				}
			}
			Thread.sleep(300);
		}
	}

	private static long count(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records().getFirst().get("n").asLong();
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
