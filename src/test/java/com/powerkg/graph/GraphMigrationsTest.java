package com.powerkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.powerkg.GraphTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GraphTest
@ExtendWith(OutputCaptureExtension.class)
class GraphMigrationsTest {

	@Autowired
	Driver driver;

	@Autowired
	GraphMigrations migrations;

	@Autowired
	MigrationsProperties properties;

	@Autowired
	EmbeddedNeo4j neo4j;

	@Test
	void startUpAppliesEveryScriptInOrderWithChecksums() throws IOException {
		List<String> versions;
		try (var files = Files.list(Path.of("cypher/migrations"))) {
			versions = files.map(f -> f.getFileName().toString())
				.filter(n -> n.matches("V\\d+__.+\\.cypher"))
				.map(n -> n.substring(1, n.indexOf("__")))
				.sorted()
				.toList();
		}
		assertThat(versions).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.migrations.appliedVersion()).contains(versions.getLast());
		var applied = this.driver.executableQuery("""
				MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
				RETURN m.version AS version, m.checksum AS checksum ORDER BY m.version""").execute().records();
		assertThat(applied).extracting(r -> r.get("version").asString()).containsExactlyElementsOf(versions);
		assertThat(applied).allSatisfy(r -> assertThat(r.get("checksum").asString()).isNotBlank());
	}

	/**
	 * A restart with the very scripts the embedded database was last found up to date with is told apart through the
	 * database's own API (no Cypher: the first statement of a JVM costs seconds); one script more, an edited script or a
	 * migration lock sends the start through neo4j-migrations, which applies, refuses or clears as before.
	 */
	@Test
	void aRestartWithTheSameScriptsSkipsNeo4jMigrationsAndAnyDifferenceGoesThroughIt(@TempDir Path copy) throws IOException {
		var database = this.neo4j.service().database(org.neo4j.configuration.GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var restart = new GraphMigrations(this.driver, this.properties).inProcess(database);
		restart.apply();
		assertThat(restart.upToDateInProcess()).isPresent().isEqualTo(this.migrations.appliedVersion());

		try (var scripts = Files.list(Path.of("cypher/migrations"))) {
			for (Path script : scripts.toList()) {
				Files.copy(script, copy.resolve(script.getFileName()));
			}
		}
		var sameFilesElsewhere = new GraphMigrations(this.driver, new MigrationsProperties(true, List.of("file:" + copy)))
			.inProcess(database);
		assertThat(sameFilesElsewhere.upToDateInProcess()).as("another folder: checked once by neo4j-migrations").isEmpty();
		sameFilesElsewhere.apply();
		assertThat(sameFilesElsewhere.upToDateInProcess()).isPresent();

		Files.writeString(copy.resolve("V9999__Steward_addition.cypher"), "MATCH (n:NothingHere) RETURN n;\n");
		assertThat(sameFilesElsewhere.upToDateInProcess()).as("a new script").isEmpty();
		Files.delete(copy.resolve("V9999__Steward_addition.cypher"));
		assertThat(sameFilesElsewhere.upToDateInProcess()).isPresent();

		Path channels = copy.resolve("V0003__Channels.cypher");
		String original = Files.readString(channels);
		Files.writeString(channels, original.replace("'微信'", "'微信支付'"));
		assertThat(sameFilesElsewhere.upToDateInProcess()).as("an edited script").isEmpty();
		// neo4j-migrations reads the scripts once per instance, as a start-up does
		var edited = new GraphMigrations(this.driver, new MigrationsProperties(true, List.of("file:" + copy))).inProcess(database);
		assertThatThrownBy(edited::apply).isInstanceOf(MigrationFailedException.class).hasMessageContaining("hecksum");
		Files.writeString(channels, original);

		this.driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: 'left-behind', name: 'John Doe'})").execute();
		try {
			assertThat(restart.upToDateInProcess()).as("a lock left behind").isEmpty();
			restart.apply();
			assertThat(count("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n")).as("cleared as before").isZero();
		}
		finally {
			this.driver.executableQuery("MATCH (l:__Neo4jMigrationsLock {id: 'left-behind'}) DELETE l").execute();
		}
		restart.apply();
		assertThat(restart.upToDateInProcess()).isPresent();
	}

	@Test
	void schemaHasTheNaturalKeyConstraintsAndLookupIndexes() {
		List<String> names = new java.util.ArrayList<>();
		for (String show : List.of("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")) {
			this.driver.executableQuery(show).execute().records().forEach(r -> names.add(r.get("name").asString()));
		}
		assertThat(names).contains("customer_id", "bill_id", "payment_id", "dunning_contact_id", "work_order_id",
				"consumption_key", "credit_outcome_key", "bill_period", "payment_paid_at");
	}

	@Test
	void referenceChannelsAreSeeded() {
		assertThat(this.driver.executableQuery("MATCH (c:Channel) RETURN count(c) AS n").execute().records().getFirst().get("n").asLong())
			.isEqualTo(9);
	}

	@Test
	void brokenScriptFailsNamingFileAndStatementAndChangesNothing() {
		var broken = new GraphMigrations(this.driver,
				new MigrationsProperties(true, List.of("classpath:cypher/migrations", "classpath:broken-migrations")));

		assertThatThrownBy(broken::apply).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("V9001__Steward_typo.cypher")
			.hasMessageContaining("RETURN t.nameEn AS");

		assertThat(count("MATCH (n:BrokenScriptMarker) RETURN count(n) AS n")).isZero();
		assertThat(count("MATCH (c:Channel {code: 'WECHAT', nameEn: 'WeChat'}) RETURN count(c) AS n")).isEqualTo(1);
		assertThat(count("MATCH (m:__Neo4jMigration {version: '9001'}) RETURN count(m) AS n")).isZero();
	}

	@Test
	void editingAnAppliedScriptIsRefusedByItsChecksum(@TempDir Path copy) throws IOException {
		try (var scripts = Files.list(Path.of("cypher/migrations"))) {
			for (Path script : scripts.toList()) {
				Files.copy(script, copy.resolve(script.getFileName()));
			}
		}
		Path channels = copy.resolve("V0003__Channels.cypher");
		Files.writeString(channels, Files.readString(channels).replace("'微信'", "'微信支付'"));
		var edited = new GraphMigrations(this.driver, new MigrationsProperties(true, List.of("file:" + copy)));

		assertThatThrownBy(edited::apply).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("0003")
			.hasMessageContaining("hecksum");
		assertThat(count("MATCH (c:Channel {nameZh: '微信支付'}) RETURN count(c) AS n")).isZero();
	}

	@Test
	void onAnExternalDatabaseALockHeldUnchangedBeyondTheTimeoutIsClearedAndLogged(CapturedOutput output) {
		this.driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: 'left-by-a-dead-process', name: 'John Doe'})").execute();
		try {
			var external = new GraphMigrations(this.driver, new MigrationsProperties(true, "auto", List.of(), Duration.ofSeconds(1)),
					GraphMigrations.Mode.APPLY, false);

			external.apply();

			assertThat(count("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n")).isZero();
			assertThat(output.getOut()).contains("Cleared the Cypher migration lock [left-by-a-dead-process]")
				.contains("held unchanged for over 1 s");
		}
		finally {
			this.driver.executableQuery("MATCH (l:__Neo4jMigrationsLock {id: 'left-by-a-dead-process'}) DELETE l").execute();
		}
	}

	@Test
	void aCommandLineJobAgainstAnExternalDatabaseChecksWithoutTheLockAndAcceptsADatabaseThatIsAhead(CapturedOutput output) {
		this.driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: 'the-service-is-migrating', name: 'John Doe'})").execute();
		try {
			var onlyTheFirstScripts = new GraphMigrations(this.driver, new MigrationsProperties(true, "auto",
					List.of("classpath:cypher/migrations/none-here"), Duration.ofMinutes(2)), GraphConfiguration.mode(
							new MigrationsProperties(true, List.of()), false, true), false);
			assertThat(onlyTheFirstScripts.mode()).isEqualTo(GraphMigrations.Mode.CHECK);

			onlyTheFirstScripts.apply();

			assertThat(count("MATCH (l:__Neo4jMigrationsLock {id: 'the-service-is-migrating'}) RETURN count(l) AS n"))
				.as("the lock is the service's: untouched").isEqualTo(1);
			assertThat(output.getOut()).contains("has Cypher migrations this command does not know");
		}
		finally {
			this.driver.executableQuery("MATCH (l:__Neo4jMigrationsLock {id: 'the-service-is-migrating'}) DELETE l").execute();
		}
	}

	@Test
	void theServiceAndJobsOnTheEmbeddedDatabaseApplyJobsAgainstAnExternalOneCheck() {
		var auto = new MigrationsProperties(true, List.of());
		assertThat(GraphConfiguration.mode(auto, true, false)).isEqualTo(GraphMigrations.Mode.APPLY);
		assertThat(GraphConfiguration.mode(auto, false, false)).isEqualTo(GraphMigrations.Mode.APPLY);
		assertThat(GraphConfiguration.mode(auto, true, true)).isEqualTo(GraphMigrations.Mode.APPLY);
		assertThat(GraphConfiguration.mode(auto, false, true)).isEqualTo(GraphMigrations.Mode.CHECK);
		assertThat(GraphConfiguration.mode(new MigrationsProperties(true, "apply", List.of(), Duration.ofMinutes(2)), false, true))
			.isEqualTo(GraphMigrations.Mode.APPLY);
		assertThat(GraphConfiguration.mode(new MigrationsProperties(false, List.of()), true, false)).isEqualTo(GraphMigrations.Mode.OFF);
	}

	@Test
	void runningFromTheRepositoryTheScriptsOnDiskAreUsedSoANewOneNeedsNoRebuild() {
		assertThat(new MigrationsProperties(true, List.of()).resolvedLocations())
			.containsExactly("file:" + Path.of("cypher/migrations").toAbsolutePath().normalize());
		assertThat(new MigrationsProperties(true, List.of("classpath:x")).resolvedLocations()).containsExactly("classpath:x");
	}

	private long count(String cypher) {
		return this.driver.executableQuery(cypher).execute().records().getFirst().get("n").asLong();
	}

}
