package com.powerkg.ingest;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.powerkg.contract.ContractCodes;
import com.powerkg.graph.EmbeddedNeo4j;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first load of an empty embedded store through Neo4j's own bulk importer ({@code neo4j-admin database import
 * full}, run in this process), about twenty times as fast as writing the rows in transactions.
 * <ol>
 * <li>Every row is validated exactly as in a transactional import ({@link ContractRows}: types, enums, money, lengths,
 * duplicates), and references are checked in memory (the customer of every row, the bill of every payment and contact
 * and whose bill it is), with the same rejects;</li>
 * <li>the clean rows are written as the importer's node and relationship files ({@link BulkFiles});</li>
 * <li>the importer builds the store in a staging folder beside the target ({@code <data>/bulk-load}), so a load killed
 * half-way leaves the target as it was; only a complete store is moved into place, at the end;</li>
 * <li>the caller then opens the store, which applies the Cypher migrations (constraints, indexes, reference data) and
 * waits for the indexes.</li>
 * </ol>
 * The database must not be open in this process or another while this runs.
 */
public final class BulkLoad {

	/** Shown in the terminal of a command-line import (logback-command.xml). */
	private static final Logger log = LoggerFactory.getLogger("powerkg.progress.import");

	/** The staging folder inside the embedded store's folder; its presence at start-up means a load did not finish. */
	public static final String STAGING = EmbeddedNeo4j.BULK_LOAD_STAGING;

	/** The database the product uses. */
	static final String DATABASE = "neo4j";

	private final ImportProperties properties;

	public BulkLoad(ImportProperties properties) {
		this.properties = properties;
	}

	/**
	 * Validates and loads {@code directory} into the store at {@code home} (replacing an empty one).
	 * @param home the embedded database's folder ({@code powerkg.neo4j.embedded.data-directory})
	 */
	public ImportReport load(Path directory, Path home, Path rejectFile) {
		if (!ByteBuffer.class.getModule().isOpen("java.nio", BulkLoad.class.getModule())) {
			throw new ImportFailedException("Neo4j's bulk importer needs the JVM option --add-opens=java.base/java.nio=ALL-UNNAMED "
					+ "(java -jar sets it from the jar's manifest); or load with --mode transactional");
		}
		long started = System.nanoTime();
		CsvImporter.preflight(directory); // a wrong folder fails before anything is created
		Path staging = home.resolve(STAGING);
		deleteRecursively(staging);
		try {
			Files.createDirectories(staging.resolve("input"));
			Files.writeString(staging.resolve("STARTED"), "bulk load of " + directory.toAbsolutePath() + " started " + LocalDateTime.now() + "\n");
		}
		catch (IOException ex) {
			throw new ImportFailedException("Cannot create the staging folder " + staging + ": " + ex.getMessage(), ex);
		}
		Validated valid = validateInto(directory, staging.resolve("input"), rejectFile);
		long validated = System.nanoTime();
		log.info("bulk load: {} rows valid and written as the importer's files in {} s; now the bulk importer",
				valid.results().stream().mapToLong(ImportReport.FileResult::rowsImported).sum(), Math.round((validated - started) / 1e9));
		runImporter(staging, valid.inputs());
		moveIntoPlace(staging, home);
		deleteRecursively(staging);
		var duration = Duration.ofNanos(System.nanoTime() - started);
		log.info("bulk load: store built in {} s (validation {} s, importer {} s)", Math.round(duration.toSeconds()),
				Math.round((validated - started) / 1e9), Math.round((System.nanoTime() - validated) / 1e9));
		return valid.report(directory, rejectFile, duration);
	}

	/** The rows of each file, the importer's arguments naming the files written, and the rejects. */
	private record Validated(List<ImportReport.FileResult> results, List<String> inputs, ImportReport.Rejects sample) {

		ImportReport report(Path directory, Path rejectFile, Duration duration) {
			return new ImportReport(directory, this.results, this.sample.first(),
					this.sample.count() > 0 ? Optional.of(rejectFile) : Optional.empty(), duration, ImportReport.Mode.BULK);
		}

	}

	/** Validates every file of {@code directory} and writes the clean rows as the importer's files into {@code input}. */
	private Validated validateInto(Path directory, Path input, Path rejectFile) {
		Map<ContractFile, Path> present = CsvImporter.preflight(directory);
		try {
			Files.createDirectories(input);
		}
		catch (IOException ex) {
			throw new ImportFailedException("Cannot create the folder " + input + ": " + ex.getMessage(), ex);
		}
		List<ImportReport.FileResult> results = new ArrayList<>();
		try (var rejects = new RejectSink(rejectFile); var files = new BulkFiles(input, channels())) {
			var references = new BulkReferences();
			for (ContractFile file : ContractFile.values()) {
				Path path = present.get(file);
				if (path == null) {
					results.add(ImportReport.FileResult.absent(file));
					continue;
				}
				results.add(validate(file, path, rejects, references, files));
			}
			List<String> inputs = files.finish();
			return new Validated(List.copyOf(results), inputs, new ImportReport.Rejects(rejects.sample(), rejects.count()));
		}
	}

	/**
	 * A first load for an external Neo4j (a server, not this process's database): validates {@code directory} exactly as
	 * {@link #load} does and writes the importer's files into {@code out/input}, with {@code out/neo4j-admin-import.txt}
	 * saying how to run {@code neo4j-admin database import full} on that server. Nothing is written to any database.
	 */
	public Emitted emit(Path directory, Path out, Path rejectFile) {
		long started = System.nanoTime();
		Path root = out.toAbsolutePath().normalize();
		Path input = root.resolve("input");
		if (Files.isDirectory(input)) {
			deleteRecursively(input);
		}
		Validated valid = validateInto(directory, input, rejectFile);
		String prefix = root + File.separator;
		List<String> command = new ArrayList<>(List.of("neo4j-admin", "database", "import", "full", DATABASE));
		// relative to OUT: the folder is copied to the server and the command run from inside it
		valid.inputs().forEach(argument -> command.add(argument.replace(prefix, "")));
		command.addAll(IMPORTER_OPTIONS);
		command.add("--overwrite-destination=true");
		String text = String.join("\n", List.of(
				"# Built by power-customer-kg from " + directory.toAbsolutePath() + " on " + LocalDateTime.now(),
				"# 1. Copy this folder to the Neo4j server and stop the server (neo4j stop).",
				"# 2. From inside this folder, as the user Neo4j runs as:",
				String.join(" ", command),
				"# 3. Start the server (neo4j start); on Community Edition the database 'neo4j' comes back with the imported data.",
				"# 4. Start the service (or any command) with --spring.neo4j.uri=neo4j://<server>:7687: it applies the Cypher",
				"#    migrations (constraints, indexes, reference data); monthly loads then go through 'import --mode transactional'.",
				""));
		try {
			Files.writeString(root.resolve(ADMIN_COMMAND_FILE), text);
		}
		catch (IOException ex) {
			throw new ImportFailedException("Cannot write " + root.resolve(ADMIN_COMMAND_FILE) + ": " + ex.getMessage(), ex);
		}
		var report = valid.report(directory, rejectFile, Duration.ofNanos(System.nanoTime() - started));
		return new Emitted(report, List.copyOf(command), root.resolve(ADMIN_COMMAND_FILE));
	}

	/** What {@link #emit} wrote: the validation's report, the command to run on the server, and the file that says how. */
	public record Emitted(ImportReport report, List<String> command, Path instructions) {
	}

	/** The file beside the emitted input that holds the neo4j-admin command. */
	public static final String ADMIN_COMMAND_FILE = "neo4j-admin-import.txt";

	/** The importer's strictness, the same in this process and on a server: nothing bad is skipped silently. */
	static final List<String> IMPORTER_OPTIONS = List.of("--id-type=integer", "--bad-tolerance=0",
			"--skip-bad-relationships=false", "--skip-duplicate-nodes=false");

	/** Builds the store of {@code home} from the importer's files (the arguments of {@link #emit}'s command), for tests. */
	void buildStore(Path home, List<String> inputs) {
		Path staging = home.resolve(STAGING);
		deleteRecursively(staging);
		try {
			Files.createDirectories(staging);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		runImporter(staging, inputs);
		moveIntoPlace(staging, home);
		deleteRecursively(staging);
	}

	private ImportReport.FileResult validate(ContractFile file, Path path, RejectSink rejects, BulkReferences references,
			BulkFiles files) {
		long started = System.nanoTime();
		long rejectedBefore = rejects.rejectedRows();
		long[] written = {0};
		ContractRows.Counts counts;
		try {
			counts = ContractRows.read(file, path, rejects, this.properties.progressEveryRows(), row -> {
				Optional<Reject> reject = references.check(file, row);
				if (reject.isPresent()) {
					rejects.rejectRow(List.of(reject.get()));
					return;
				}
				references.accepted(file, row);
				files.write(file, row, references);
				written[0]++;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		var duration = Duration.ofNanos(System.nanoTime() - started);
		long rejected = rejects.rejectedRows() - rejectedBefore;
		log.info("{}: {} lines, {} rows read, {} valid, {} rejected in {} ms", file.fileName(), counts.lines(), counts.read(),
				written[0], rejected, duration.toMillis());
		return new ImportReport.FileResult(file, true, counts.lines(), counts.blank(), counts.read(), written[0], rejected, duration);
	}

	/** The channels the importer links payments and work orders to: the codes of the contract (reference data, V0003). */
	private static List<String> channels() {
		var codes = new LinkedHashSet<String>(ContractCodes.names(ContractCodes.PaymentChannel.class));
		codes.addAll(ContractCodes.names(ContractCodes.WorkOrderChannel.class));
		return List.copyOf(codes);
	}

	/** Runs {@code neo4j-admin database import full} in this process into the staging folder's own Neo4j home. */
	private void runImporter(Path staging, List<String> inputs) {
		Path importerHome = staging.resolve("home");
		Path output = staging.resolve("neo4j-admin-import.log");
		List<String> arguments = new ArrayList<>(List.of("database", "import", "full", DATABASE));
		arguments.addAll(inputs);
		arguments.addAll(IMPORTER_OPTIONS);
		arguments.addAll(List.of("--threads=" + this.properties.bulkThreads(), "--max-off-heap-memory=" + this.properties.bulkMemory(),
				"--high-parallel-io=auto", "--overwrite-destination=true"));
		int exit;
		try (OutputStream file = Files.newOutputStream(output);
				PrintStream out = new PrintStream(new ProgressLines(file), true, StandardCharsets.UTF_8);
				var fs = new DefaultFileSystemAbstraction()) {
			Path conf = Files.createDirectories(importerHome.resolve("conf"));
			exit = AdminTool.execute(new ExecutionContext(importerHome, conf, out, out, fs), arguments.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new ImportFailedException("The bulk importer could not run in " + importerHome + ": " + ex.getMessage(), ex);
		}
		if (exit != 0) {
			String tail;
			try (Stream<String> lines = Files.lines(output)) {
				List<String> all = lines.toList();
				tail = String.join(" | ", all.subList(Math.max(0, all.size() - 3), all.size()));
			}
			catch (IOException ex) {
				tail = "(its output is in " + output + ")";
			}
			throw new ImportFailedException("The bulk importer failed (exit " + exit + "; the store was not changed): " + tail);
		}
	}

	/** The importer's output to its log file, and its progress and summary lines to our log. */
	private static final class ProgressLines extends OutputStream {

		private final OutputStream file;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		ProgressLines(OutputStream file) {
			this.file = file;
		}

		@Override
		public void write(int b) throws IOException {
			this.file.write(b);
			if (b == '\n') {
				String text = this.line.toString(StandardCharsets.UTF_8).strip();
				this.line.reset();
				// its stages, each quarter of a stage, and its summary
				if (text.startsWith("IMPORT") || text.startsWith("Imported:") || text.matches(".*\\b(25|50|75|100)% .*")
						|| text.startsWith("(") && text.contains("/")) {
					log.info("bulk importer: {}", text.replaceAll("[. ]{20,}", " "));
				}
			}
			else if (b != '\r') {
				this.line.write(b);
			}
		}

		@Override
		public void flush() throws IOException {
			this.file.flush();
		}

	}

	/**
	 * Replaces the target's (empty) database by the staged one: the old one is moved aside first and deleted last, so a
	 * crash in between leaves either the old store or the new one in place, never half of one.
	 */
	private static void moveIntoPlace(Path staging, Path home) {
		Path stagedStore = staging.resolve("home/data/databases").resolve(DATABASE);
		Path stagedLogs = staging.resolve("home/data/transactions").resolve(DATABASE);
		Path store = home.resolve("data/databases").resolve(DATABASE);
		Path logs = home.resolve("data/transactions").resolve(DATABASE);
		Path aside = staging.resolve("replaced");
		try {
			Files.createDirectories(aside);
			Files.createDirectories(store.getParent());
			Files.createDirectories(logs.getParent());
			if (Files.exists(store)) {
				Files.move(store, aside.resolve("databases"), StandardCopyOption.ATOMIC_MOVE);
			}
			if (Files.exists(logs)) {
				Files.move(logs, aside.resolve("transactions"), StandardCopyOption.ATOMIC_MOVE);
			}
			Files.move(stagedLogs, logs, StandardCopyOption.ATOMIC_MOVE);
			Files.move(stagedStore, store, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new ImportFailedException("Cannot move the bulk-loaded store into " + home + ": " + ex.getMessage(), ex);
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + path, ex);
		}
	}

	/** A stamp for file names. */
	static String stamp() {
		return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
	}

}
