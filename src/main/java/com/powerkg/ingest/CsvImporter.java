package com.powerkg.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Imports a directory of contract files into the graph. Every valid row is written (MERGE on natural keys, so a
 * second import of the same directory changes nothing); every invalid row goes to a reject report with file,
 * line, column and reason. A file that cannot be read at all stops the import before anything is written.
 */
@Service
public class CsvImporter {

	private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private final Driver driver;

	private final ImportProperties properties;

	private final Map<ContractFile, String> writeStatements = new EnumMap<>(ContractFile.class);

	private final Map<ContractFile, String> checkStatements = new EnumMap<>(ContractFile.class);

	public CsvImporter(Driver driver, ImportProperties properties) {
		this.driver = driver;
		this.properties = properties;
		for (ContractFile file : ContractFile.values()) {
			this.writeStatements.put(file, CypherResource.load(CsvImporter.class, file.cypherBaseName() + ".cypher"));
			String check = switch (file) {
				case CUSTOMERS -> null;
				case BILLS -> "bills-check.cypher";
				case PAYMENTS, DUNNING_CONTACTS -> "bill-reference-check.cypher";
				default -> "customer-reference-check.cypher";
			};
			if (check != null) {
				this.checkStatements.put(file, CypherResource.load(CsvImporter.class, check));
			}
		}
	}

	/**
	 * Imports {@code directory}, writing rejects to a timestamped file under the configured reports directory.
	 */
	public ImportReport importDirectory(Path directory) {
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
		return importDirectory(directory, this.properties.reportsDirectory().resolve("import-" + stamp + "-rejects.csv"));
	}

	public ImportReport importDirectory(Path directory, Path rejectFile) {
		long started = System.nanoTime();
		Map<ContractFile, Path> present = preflight(directory);
		try (var rejects = new RejectSink(rejectFile)) {
			List<ImportReport.FileResult> results = new ArrayList<>();
			for (ContractFile file : ContractFile.values()) {
				Path path = present.get(file);
				if (path == null) {
					log.info("{}: not present, skipped (optional)", file.fileName());
					results.add(new ImportReport.FileResult(file, false, 0, 0, 0, Duration.ZERO));
					continue;
				}
				results.add(importFile(file, path, rejects));
			}
			var report = new ImportReport(directory, List.copyOf(results), rejects.sample(),
					rejects.count() > 0 ? Optional.of(rejectFile) : Optional.empty(),
					Duration.ofNanos(System.nanoTime() - started));
			log.info(report.summary());
			return report;
		}
	}

	/**
	 * Finds the contract files and opens each once to check header and encoding, so that an unusable file fails
	 * the import before the first row is written.
	 */
	private Map<ContractFile, Path> preflight(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new ImportFailedException(directory + " is not a directory (expected a folder of contract CSV files)");
		}
		Map<ContractFile, Path> present = new EnumMap<>(ContractFile.class);
		for (ContractFile file : ContractFile.values()) {
			Path path = directory.resolve(file.fileName());
			if (!Files.isRegularFile(path)) {
				if (file.mandatory()) {
					throw new ImportFailedException(directory + " has no " + file.fileName() + " (it is required; every other file is optional)");
				}
				continue;
			}
			try (var reader = ContractCsvReader.open(file, path)) {
				if (!reader.unknownColumns().isEmpty()) {
					log.warn("{}: unknown column(s) {} ignored", file.fileName(), String.join(", ", reader.unknownColumns()));
				}
			}
			catch (IOException ex) {
				throw new ImportFailedException("Cannot read " + path + ": " + ex.getMessage(), ex);
			}
			present.put(file, path);
		}
		return present;
	}

	private ImportReport.FileResult importFile(ContractFile file, Path path, RejectSink rejects) {
		long started = System.nanoTime();
		var progress = new Progress(file);
		var seen = new SeenKeys();
		long read = 0;
		long imported = 0;
		long rejectedBefore = rejects.rejectedRows();
		List<Map<String, Object>> batch = new ArrayList<>(this.properties.batchSize());
		try (var reader = ContractCsvReader.open(file, path); var writers = new Writers(file, rejects)) {
			var validator = new RowValidator(file, reader.header());
			try {
				for (ContractCsvReader.RawRecord record : reader) {
					read++;
					RowValidator.Result result = validator.validate(record.line(), record.values());
					if (!result.valid()) {
						rejects.rejectRow(result.rejects());
					}
					else {
						int firstLine = seen.firstSeenOrRecord(file.naturalKey(result.row()), record.line());
						if (firstLine != 0) {
							rejects.rejectRow(List.of(new Reject(file.fileName(), record.line(), file.keyDescription(),
									"duplicate " + file.keyDescription() + " '" + file.naturalKey(result.row())
											+ "' (first on line " + firstLine + ")")));
						}
						else {
							batch.add(result.row());
						}
					}
					if (batch.size() >= this.properties.batchSize()) {
						writers.submit(batch);
						batch = new ArrayList<>(this.properties.batchSize());
					}
					progress.maybeLog(read, rejects.rejectedRows() - rejectedBefore);
				}
			}
			catch (ContractCsvReader.MalformedCsvException ex) {
				rejects.rejectRow(List.of(new Reject(file.fileName(), ex.line, "",
						"malformed CSV, the rest of the file was not read: " + ex.getMessage())));
				log.error("{} (rows before it are imported)", ex.getMessage());
			}
			if (!batch.isEmpty()) {
				writers.submit(batch);
			}
			imported = writers.awaitAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		var duration = Duration.ofNanos(System.nanoTime() - started);
		long rejected = rejects.rejectedRows() - rejectedBefore;
		log.info("{}: {} rows read, {} imported, {} rejected in {} ms", file.fileName(), read, imported, rejected,
				duration.toMillis());
		return new ImportReport.FileResult(file, true, read, imported, rejected, duration);
	}

	/**
	 * Checks references and writes one batch in one transaction, so a batch is either fully in the graph or not
	 * at all.
	 * @return rows written
	 */
	private int write(Session session, ContractFile file, List<Map<String, Object>> batch, RejectSink rejects) {
		String check = this.checkStatements.get(file);
		String statement = this.writeStatements.get(file);
		List<Reject> referenceRejects = new ArrayList<>();
		int written = session.executeWrite(tx -> {
			referenceRejects.clear();
			List<Map<String, Object>> rows = batch;
			if (check != null) {
				Set<Long> badLines = new HashSet<>();
				tx.run(check, Map.of("rows", batch)).forEachRemaining(r -> {
					long line = r.get("line").asLong();
					if (badLines.add(line)) {
						referenceRejects.add(new Reject(file.fileName(), line, r.get("column").asString(),
								r.get("reason").asString()));
					}
				});
				if (!badLines.isEmpty()) {
					rows = batch.stream().filter(row -> !badLines.contains((Long) row.get("line"))).toList();
				}
			}
			if (!rows.isEmpty()) {
				tx.run(statement, Map.of("rows", rows)).consume();
			}
			return rows.size();
		});
		referenceRejects.sort(java.util.Comparator.comparingLong(Reject::line));
		synchronized (rejects) {
			for (Reject reject : referenceRejects) {
				rejects.rejectRow(List.of(reject));
			}
		}
		return written;
	}

	/**
	 * Writes a file's batches on {@code powerkg.import.writers} threads, each batch in its own transaction, while
	 * the reader goes on; at most one batch per writer plus one waits, so memory stays bounded. Batches of one file
	 * never share a natural key (duplicates are rejected while reading), and MERGE under the uniqueness constraints
	 * is safe between concurrent transactions; deadlocks on shared nodes are retried by {@code executeWrite}. The
	 * first failing batch stops the import.
	 */
	private final class Writers implements AutoCloseable {

		private final ContractFile file;

		private final RejectSink rejects;

		private final ExecutorService pool;

		private final Semaphore waiting;

		private final List<Future<Integer>> inFlight = new ArrayList<>();

		private long written;

		Writers(ContractFile file, RejectSink rejects) {
			this.file = file;
			this.rejects = rejects;
			int writers = CsvImporter.this.properties.writers();
			this.pool = Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("import-writer-", 1).daemon().factory());
			this.waiting = new Semaphore(writers + 1);
		}

		void submit(List<Map<String, Object>> batch) {
			try {
				this.waiting.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ImportFailedException("Import of " + this.file.fileName() + " interrupted", ex);
			}
			collectDone();
			this.inFlight.add(this.pool.submit(() -> {
				try (Session session = CsvImporter.this.driver.session()) {
					return write(session, this.file, batch, this.rejects);
				}
				finally {
					this.waiting.release();
				}
			}));
		}

		long awaitAll() {
			this.inFlight.forEach(batch -> this.written += result(batch));
			this.inFlight.clear();
			return this.written;
		}

		/** Counts the batches written so far and forgets them; a failed one stops the import here. */
		private void collectDone() {
			for (var it = this.inFlight.iterator(); it.hasNext();) {
				Future<Integer> batch = it.next();
				if (batch.isDone()) {
					this.written += result(batch);
					it.remove();
				}
			}
		}

		private static int result(Future<Integer> batch) {
			try {
				return batch.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ImportFailedException("Import interrupted while a batch was written", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new ImportFailedException("Writing a batch failed: " + ex.getCause(), ex.getCause());
			}
		}

		@Override
		public void close() {
			this.pool.shutdownNow();
		}

	}

	private final class Progress {

		private final ContractFile file;

		private final long startedNanos = System.nanoTime();

		private long lastLoggedRows;

		private long lastLoggedNanos = System.nanoTime();

		Progress(ContractFile file) {
			this.file = file;
		}

		void maybeLog(long rows, long rejected) {
			long now = System.nanoTime();
			if (rows - this.lastLoggedRows >= CsvImporter.this.properties.progressEveryRows()
					|| now - this.lastLoggedNanos >= PROGRESS_INTERVAL.toNanos()) {
				double seconds = (now - this.startedNanos) / 1e9;
				log.info("{}: {} rows so far ({} rows/s), {} rejected", this.file.fileName(), rows,
						Math.round(rows / Math.max(seconds, 1e-3)), rejected);
				this.lastLoggedRows = rows;
				this.lastLoggedNanos = now;
			}
		}

	}

	/**
	 * Writes rejects to the report as they happen (nothing is held for millions of bad rows) and keeps the first
	 * ones for the summary. The file is created only when there is something to report.
	 */
	private static final class RejectSink implements AutoCloseable {

		private final Path path;

		private final List<Reject> sample = new ArrayList<>();

		private BufferedWriter writer;

		private long count;

		private long rows;

		RejectSink(Path path) {
			this.path = path;
		}

		synchronized void rejectRow(List<Reject> rejects) {
			this.rows++;
			for (Reject reject : rejects) {
				add(reject);
			}
		}

		private void add(Reject reject) {
			this.count++;
			if (this.sample.size() < ImportReport.SAMPLE_SIZE) {
				this.sample.add(reject);
			}
			try {
				if (this.writer == null) {
					Path parent = this.path.toAbsolutePath().getParent();
					if (parent != null) {
						Files.createDirectories(parent);
					}
					this.writer = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
					this.writer.write("file,line,column,reason\n");
				}
				this.writer.write(csv(reject.file()) + "," + reject.line() + "," + csv(reject.column()) + ","
						+ csv(reject.reason()) + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write reject report " + this.path, ex);
			}
		}

		private static String csv(String value) {
			if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
				return value;
			}
			return '"' + value.replace("\"", "\"\"") + '"';
		}

		synchronized long count() {
			return this.count;
		}

		synchronized long rejectedRows() {
			return this.rows;
		}

		synchronized List<Reject> sample() {
			return List.copyOf(this.sample);
		}

		@Override
		public synchronized void close() {
			if (this.writer != null) {
				try {
					this.writer.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

	}

}
