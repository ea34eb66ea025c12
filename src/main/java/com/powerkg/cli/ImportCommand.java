package com.powerkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.EmbeddedNeo4jProperties;
import com.powerkg.graph.EmbeddedNeo4jStartException;
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
import org.springframework.context.ConfigurableApplicationContext;
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
		EmbeddedNeo4jProperties embedded = binder.bindOrCreate("powerkg.neo4j.embedded", EmbeddedNeo4jProperties.class);
		ImportReport bulk = null;
		if (!external.isEmpty()) {
			if (chosen == Mode.BULK) {
				throw new JobFailedException("--mode bulk writes the store files of the embedded database itself; this import goes to "
						+ external + ": use --mode transactional (or auto), or run neo4j-admin database import full on that server");
			}
		}
		else if (chosen == Mode.BULK) {
			// an explicit bulk load asks what the store holds first (it is opened and closed for that): only an empty one
			long customers = EmbeddedNeo4j.storeExists(embedded.dataDirectory()) ? customers(embedded) : 0;
			if (customers > 0) {
				throw new JobFailedException("--mode bulk loads an empty store, and " + embedded.dataDirectory() + " has " + customers
						+ " customers: later loads are transactional (--mode transactional, or auto)");
			}
			bulk = bulkLoad(console, embedded, importing, rejectFile);
		}
		else if (chosen == Mode.AUTO) {
			if (!EmbeddedNeo4j.storeExists(embedded.dataDirectory())) {
				bulk = bulkLoad(console, embedded, importing, rejectFile);
			}
			else {
				// a monthly load: the job that imports counts the customers, so the store is opened once; only a store
				// that exists and holds none (rare) is closed again for the bulk importer, which replaces it (that job has
				// migrated it first: a store whose migrations fail is refused, not replaced)
				var empty = new AtomicBoolean();
				int exit = SpringJob.run(this.parent.application(), settings, context -> {
					if (context.getBean(GraphReads.class).customerCount() == 0) {
						empty.set(true);
						return 0;
					}
					return importAndReport(console, context, null, rejectFile, json);
				});
				if (!empty.get()) {
					return exit;
				}
				bulk = bulkLoad(console, embedded, importing, rejectFile);
			}
		}
		ImportReport loaded = bulk;
		return SpringJob.run(this.parent.application(), settings, context -> importAndReport(console, context, loaded, rejectFile, json));
	}

	/** Neo4j's bulk importer into the embedded store, which holds no customers (or does not exist yet). */
	private ImportReport bulkLoad(PrintWriter console, EmbeddedNeo4jProperties embedded, ImportProperties importing, Path rejectFile) {
		console.printf("bulk load into the empty store %s (Neo4j's bulk importer)%n", embedded.dataDirectory().toAbsolutePath());
		return new BulkLoad(importing).load(this.directory, embedded.dataDirectory().toAbsolutePath().normalize(), rejectFile);
	}

	/**
	 * Inside the job's context: the rows imported in transactions, or, after a bulk load ({@code loaded}), the indexes the
	 * context's migrations created waited for; then the report written and printed.
	 */
	private int importAndReport(PrintWriter console, ConfigurableApplicationContext context, ImportReport loaded, Path rejectFile,
			Path json) {
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
		GraphCounts graph = GraphCounts.of(context.getBean(Driver.class));
		ImportReports.write(report, graph, json);
		print(console, report, graph, json);
		return 0;
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

	/** Customers in the embedded store, which exists. The store is opened and closed for this. */
	private static long customers(EmbeddedNeo4jProperties properties) {
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
		catch (EmbeddedNeo4jStartException failed) {
			if (!failed.storeInUse()) {
				throw failed;
			}
			// the general advice (point the command at the running service) does not go with a bulk load
			throw new JobFailedException("The Neo4j store in " + properties.dataDirectory() + " is in use by another process (is the "
					+ "service running?), and a bulk load writes the store's files itself: stop the service first, or load through it "
					+ "in transactions with --mode transactional --spring.neo4j.uri="
					+ EmbeddedNeo4jStartException.serviceUri(properties.boltAddress(), properties.boltPort()) + ".", failed);
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
