package com.powerkg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.EmbeddedNeo4jProperties;
import com.powerkg.graph.GraphReads;
import com.powerkg.ingest.BulkLoad;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.GraphCounts;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.ingest.ImportReport;
import com.powerkg.ingest.ImportReports;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Import a directory of contract CSV files; invalid rows go to a reject report, all valid rows are imported.",
				"The first load into an empty embedded store goes through Neo4j's bulk importer; later (monthly) loads are "
						+ "transactional and idempotent." })
class ImportCommand implements Callable<Integer> {

	private static final int REJECTS_SHOWN = 20;

	/** How the rows are written. */
	enum Mode {

		/** bulk into an empty embedded store, transactional otherwise */
		AUTO,
		/** Neo4j's bulk importer; only into an empty embedded store */
		BULK,
		/** MERGE in transactions, idempotent; any store, embedded or external */
		TRANSACTIONAL

	}

	@ParentCommand
	PowerKgCommand parent;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "directory with customers.csv and the optional files")
	Path directory;

	@Option(names = "--rejects", paramLabel = "FILE", description = "reject report (default: reports/import-<time>-rejects.csv)")
	Path rejects;

	@Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
			description = "auto (default: bulk into an empty embedded store, else transactional), bulk or transactional")
	Mode mode;

	@Option(names = "--emit-admin-import", paramLabel = "OUT", description = "validate and write the files of Neo4j's bulk "
			+ "importer into OUT, with the neo4j-admin command to run on an external server (nothing is loaded here)")
	Path emitAdminImport;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		var console = this.spec.commandLine().getOut();
		Mode chosen = this.mode;
		List<String> settings = SpringJob.onceEach(this.settings);
		Environment environment = SpringJob.environment(settings);
		Binder binder = Binder.get(environment);
		ImportProperties importing = binder.bindOrCreate("powerkg.import", ImportProperties.class);
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
		Path rejectFile = (this.rejects != null) ? this.rejects : importing.reportsDirectory().resolve("import-" + stamp + "-rejects.csv");
		Path json = importing.reportsDirectory().resolve("import-" + stamp + ".json");
		if (this.emitAdminImport != null) {
			return emit(console, importing, rejectFile);
		}
		String external = environment.getProperty("spring.neo4j.uri", "").strip();
		ImportReport bulk = null;
		if (!external.isEmpty()) {
			if (chosen == Mode.BULK) {
				throw new JobFailedException("--mode bulk writes the store files of the embedded database itself; this import goes to "
						+ external + ": use --mode transactional (or auto), or run neo4j-admin database import full on that server");
			}
		}
		else if (chosen != Mode.TRANSACTIONAL) {
			// only auto and bulk ask what the store holds (it is opened and closed for that); transactional writes into any store
			EmbeddedNeo4jProperties embedded = binder.bindOrCreate("powerkg.neo4j.embedded", EmbeddedNeo4jProperties.class);
			long customers = customers(embedded);
			if (chosen == Mode.BULK && customers > 0) {
				throw new JobFailedException("--mode bulk loads an empty store, and " + embedded.dataDirectory() + " has " + customers
						+ " customers: later loads are transactional (--mode transactional, or auto)");
			}
			if (customers == 0) {
				console.printf("bulk load into the empty store %s (Neo4j's bulk importer)%n", embedded.dataDirectory().toAbsolutePath());
				bulk = new BulkLoad(importing).load(this.directory, embedded.dataDirectory().toAbsolutePath().normalize(), rejectFile);
			}
		}
		ImportReport loaded = bulk;
		return SpringJob.run(this.parent.application(), settings, context -> {
			var driver = context.getBean(Driver.class);
			ImportReport report;
			if (loaded != null) {
				// the store was built by the importer; the context has applied the migrations: wait for their indexes
				long waited = System.nanoTime();
				context.getBean(GraphReads.class).awaitIndexes(Duration.ofDays(1));
				console.printf("schema applied and every index online in %.1f s%n", (System.nanoTime() - waited) / 1e9);
				report = loaded;
			}
			else {
				report = context.getBean(CsvImporter.class).importDirectory(this.directory, rejectFile);
			}
			GraphCounts graph = GraphCounts.of(driver);
			ImportReports.write(report, graph, json);
			print(console, report, graph, json);
			return 0;
		});
	}

	/** The first load of an external server: the importer's files and the command, no database touched. */
	private int emit(PrintWriter console, ImportProperties importing, Path rejectFile) {
		if (this.mode == Mode.TRANSACTIONAL) {
			throw new JobFailedException("--emit-admin-import writes the bulk importer's files; it does not go with --mode transactional");
		}
		var emitted = new BulkLoad(importing).emit(this.directory, this.emitAdminImport, rejectFile);
		var report = emitted.report();
		for (ImportReport.FileResult file : report.files()) {
			if (file.present()) {
				console.printf("%-22s %,10d read %,10d valid %,8d rejected%n", file.file().fileName(), file.rowsRead(),
						file.rowsImported(), file.rowsRejected());
			}
		}
		report.rejects().stream().limit(REJECTS_SHOWN).forEach(r -> console.println("rejected " + r));
		console.printf("the bulk importer's files are in %s; on the Neo4j server, stopped, run from inside that folder:%n",
				emitted.instructions().getParent().resolve("input"));
		console.println("  " + String.join(" ", emitted.command()));
		console.printf("then start the server and point the service at it (--spring.neo4j.uri): it applies the Cypher migrations. "
				+ "The steps are in %s%n", emitted.instructions());
		return 0;
	}

	/** Customers in the embedded store, 0 when it does not exist yet. The store is opened and closed for this. */
	private static long customers(EmbeddedNeo4jProperties properties) {
		Path store = properties.dataDirectory().resolve("data/databases/neo4j");
		if (!Files.isDirectory(store)) {
			return 0;
		}
		var quiet = new EmbeddedNeo4jProperties(properties.dataDirectory(), properties.boltAddress(), 0, properties.pageCache(),
				properties.pauseMonitor());
		try (var neo4j = EmbeddedNeo4j.start(quiet)) {
			Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
			try {
				return new GraphReads(driver).customerCount();
			}
			finally {
				driver.closeAsync(); // as EmbeddedNeo4jConfiguration closes its driver
			}
		}
	}

	private static void print(PrintWriter console, ImportReport report, GraphCounts graph, Path json) {
		for (ImportReport.FileResult file : report.files()) {
			if (file.present()) {
				console.printf("%-22s %,10d read %,10d imported %,8d rejected %,10.0f rows/s%n", file.file().fileName(),
						file.rowsRead(), file.rowsImported(), file.rowsRejected(), file.rowsPerSecond());
			}
			else {
				console.printf("%-22s not present%n", file.file().fileName());
			}
		}
		report.rejects().stream().limit(REJECTS_SHOWN).forEach(r -> console.println("rejected " + r));
		if (report.rowsRejected() > REJECTS_SHOWN) {
			console.printf("... more rejects in %s%n", report.rejectFile().map(Object::toString).orElse("the reject report"));
		}
		console.println(report.summary());
		console.printf("graph: %s%n", graph.labels());
		console.printf("report: %s%n", json.toAbsolutePath());
	}

}
