package com.powerkg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.graph.MigrationsProperties;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steward flow of the README as written: a script copied into the service's migrations folder is applied by the
 * service (which names it in its log); a command-line job built before the script, pointed at the running service's
 * database, neither applies nor refuses the database that is now ahead of it: it notes it and does its job.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
@ExtendWith(OutputCaptureExtension.class)
class StewardFlowTest {

	@Test
	void aScriptTheServiceAppliedDoesNotStopAnAnalyzeBuiltBeforeIt(@TempDir Path tmp, CapturedOutput output) throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("migrations"));
		try (var scripts = Files.list(Path.of("cypher/migrations"))) {
			for (Path script : scripts.toList()) {
				Files.copy(script, folder.resolve(script.getFileName()));
			}
		}
		String next = PrivateGraph.nextMigrationVersion();
		Files.copy(Path.of("cypher/examples/V0100__Repeated_arrears_needs_four_overdue_bills.cypher"),
				folder.resolve(next + "__Repeated_arrears_needs_four_overdue_bills.cypher"));

		try (var service = PrivateGraph.open()) {
			// what the service does at its next start, reading the folder on disk
			new GraphMigrations(service.driver(), new MigrationsProperties(true, List.of("file:" + folder))).apply();
			new CsvImporter(service.driver(), new ImportProperties(5000, tmp, 100_000, 2)).importDirectory(Fixtures.directory("tags"));
			assertThat(output.getOut()).contains("Applied Cypher migration " + next + "__Repeated_arrears_needs_four_overdue_bills.cypher");

			var out = new StringWriter();
			var err = new StringWriter();
			int exit = TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), "analyze", "--as-of", "2026-11-20",
					"--spring.neo4j.uri=" + service.neo4j().boltUri());

			assertThat(exit).as(err.toString()).isZero();
			assertThat(out.toString()).contains("published");
			assertThat(output.getOut()).contains("has Cypher migrations this command does not know")
				.doesNotContain("More migrations have been applied");
		}
	}

}
