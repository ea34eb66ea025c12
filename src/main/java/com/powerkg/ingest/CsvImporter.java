package com.powerkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.WriteSessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
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

	/** Shown in the terminal of a command-line import (logback-command.xml). */
	private static final Logger progress = LoggerFactory.getLogger("powerkg.progress.import");

	private final Driver driver;

	private final ImportProperties properties;

	private final Map<ContractFile, String> writeStatements = new EnumMap<>(ContractFile.class);

	private final Map<ContractFile, String> checkStatements = new EnumMap<>(ContractFile.class);

	/** Links to shared nodes (Region, Industry, Channel), written by one thread: see {@link Writers}. */
	private final Map<ContractFile, String> linkStatements = new EnumMap<>(ContractFile.class);

	/** When a bill's payments covered it (see the file); kept for the bills a batch of bills or payments touched. */
	private final String billOpenUntil = CypherResource.load(CsvImporter.class, "bill-open-until.cypher");

	private final String billsOfCustomers = CypherResource.load(CsvImporter.class, "bills-of-customers.cypher");

	public CsvImporter(Driver driver, ImportProperties properties) {
		this.driver = driver;
		this.properties = properties;
		for (ContractFile file : ContractFile.values()) {
			this.writeStatements.put(file, CypherResource.load(CsvImporter.class, file.cypherBaseName() + ".cypher"));
			if (file.linksSharedNodes()) {
				this.linkStatements.put(file, CypherResource.load(CsvImporter.class, file.cypherBaseName() + "-links.cypher"));
			}
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
					results.add(ImportReport.FileResult.absent(file));
					continue;
				}
				results.add(importFile(file, path, rejects));
			}
			var report = new ImportReport(directory, List.copyOf(results), rejects.sample(),
					rejects.count() > 0 ? Optional.of(rejectFile) : Optional.empty(),
					Duration.ofNanos(System.nanoTime() - started), ImportReport.Mode.TRANSACTIONAL);
			log.info(report.summary());
			return report;
		}
	}

	/**
	 * Finds the contract files and opens each once to check header and encoding, so that an unusable file fails
	 * the import before the first row is written.
	 */
	static Map<ContractFile, Path> preflight(Path directory) {
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
			FileScan scan;
			try {
				scan = FileScan.of(file, path);
			}
			catch (IOException ex) {
				throw new ImportFailedException("Cannot read " + path + ": " + ex.getMessage(), ex);
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
		long rejectedBefore = rejects.rejectedRows();
		ContractRows.Counts counts;
		long imported;
		try (var writers = new Writers(file, rejects)) {
			List<List<Map<String, Object>>> batch = new ArrayList<>(List.of(new ArrayList<>(this.properties.batchSize())));
			counts = ContractRows.read(file, path, rejects, this.properties.progressEveryRows(), row -> {
				batch.getFirst().add(row);
				if (batch.getFirst().size() >= this.properties.batchSize()) {
					writers.submit(batch.getFirst());
					batch.set(0, new ArrayList<>(this.properties.batchSize()));
				}
			});
			if (!batch.getFirst().isEmpty()) {
				writers.submit(batch.getFirst());
			}
			imported = writers.awaitAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		var duration = Duration.ofNanos(System.nanoTime() - started);
		long rejected = rejects.rejectedRows() - rejectedBefore;
		progress.info("{}: {} lines, {} rows read, {} imported, {} rejected in {} ms", file.fileName(), counts.lines(), counts.read(),
				imported, rejected, duration.toMillis());
		return new ImportReport.FileResult(file, true, counts.lines(), counts.blank(), counts.read(), imported, rejected, duration);
	}

	/**
	 * What a batch's transaction did: its rows now in the graph, and those whose links to shared nodes must be
	 * (re)written (for customers, only the new and changed ones: see {@link SourceHash}), and the bills whose openUntil
	 * is computed again after the batch committed (those a payment of the batch settles now or no longer settles), with
	 * the customers whose prepaid bills' openUntil is (those a payment of the batch belongs to now or belonged to).
	 */
	private record Written(int rows, List<Map<String, Object>> toLink, Set<String> bills, Set<String> customers) {
	}

	/**
	 * Checks references and writes one batch in one transaction, so a batch is either fully in the graph or not
	 * at all.
	 */
	private Written write(Session session, ContractFile file, List<Map<String, Object>> batch, RejectSink rejects) {
		String check = this.checkStatements.get(file);
		String statement = this.writeStatements.get(file);
		List<Reject> referenceRejects = new ArrayList<>();
		if (file == ContractFile.CUSTOMERS) {
			batch.forEach(row -> row.put("source_hash", SourceHash.of(file, row)));
		}
		Written written = session.executeWrite(tx -> {
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
			if (rows.isEmpty()) {
				return new Written(0, List.of(), Set.of(), Set.of());
			}
			if (file == ContractFile.CUSTOMERS) {
				Set<String> changed = new HashSet<>();
				List<String> modeChanged = new ArrayList<>();
				tx.run(statement, Map.of("rows", rows)).forEachRemaining(r -> {
					changed.add(r.get("id").asString());
					if (r.get("modeChanged").asBoolean()) {
						modeChanged.add(r.get("id").asString());
					}
				});
				if (!modeChanged.isEmpty()) {
					// a changed payment mode changes the rule of the customer's bills (no bill or payment is written meanwhile)
					List<String> bills = tx.run(this.billsOfCustomers, Map.of("customerIds", modeChanged)).list(r -> r.get("billId").asString());
					if (!bills.isEmpty()) {
						tx.run(this.billOpenUntil, Map.of("billIds", bills)).consume();
						PrepaidOpenUntil.compute(tx, modeChanged);
					}
				}
				return new Written(rows.size(), rows.stream().filter(row -> changed.contains((String) row.get("customer_id"))).toList(),
						Set.of(), Set.of());
			}
			if (file == ContractFile.PAYMENTS) {
				// bills are settled by payments of other batches too: their openUntil is computed once this batch committed, on
				// the one links thread, so that two batches never compute it for one bill side by side from what each sees
				Set<String> bills = new LinkedHashSet<>();
				Set<String> customers = new LinkedHashSet<>();
				tx.run(statement, Map.of("rows", rows)).forEachRemaining(r -> {
					bills.addAll(r.get("billIds").asList(Value::asString));
					customers.addAll(r.get("customerIds").asList(Value::asString));
				});
				rows.forEach(row -> {
					if (row.get("bill_id") != null) {
						bills.add((String) row.get("bill_id"));
					}
				});
				return new Written(rows.size(), rows, bills, customers);
			}
			tx.run(statement, Map.of("rows", rows)).consume();
			if (file == ContractFile.BILLS) {
				// a bill's amount may have changed; no payment is written while bills are (files are imported one by one)
				tx.run(this.billOpenUntil, Map.of("billIds", rows.stream().map(row -> row.get("bill_id")).toList())).consume();
				// a prepaid bill's time depends on the customer's other bills and top-ups
				PrepaidOpenUntil.compute(tx, rows.stream().map(row -> (String) row.get("customer_id")).distinct().toList());
			}
			return new Written(rows.size(), rows, Set.of(), Set.of());
		});
		referenceRejects.sort(Comparator.comparingLong(Reject::line));
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
	 * is safe between concurrent transactions. What every batch shares (the Region, Industry and Channel nodes) is
	 * linked by one more thread of its own, after the batch committed: two transactions never lock the same shared node,
	 * so the writers never deadlock over them (they used to, retried, with a stack trace in the log). The same thread
	 * then computes the openUntil of the bills a payments batch touched, in id order. Two payments batches lock a bill
	 * both have payments of (a month's payments rarely do; a deadlock needs two such bills in opposite orders, and is
	 * retried). The first failing batch stops the import.
	 */
	private final class Writers implements AutoCloseable {

		private final ContractFile file;

		private final RejectSink rejects;

		private final ExecutorService pool;

		private final ExecutorService links;

		private final Semaphore waiting;

		private final List<Future<Integer>> inFlight = new ArrayList<>();

		private final List<Future<?>> linking = new ArrayList<>();

		private long written;

		Writers(ContractFile file, RejectSink rejects) {
			this.file = file;
			this.rejects = rejects;
			int writers = CsvImporter.this.properties.writers();
			this.pool = Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("import-writer-", 1).daemon().factory());
			this.links = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-links").daemon().factory());
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
			String linkStatement = CsvImporter.this.linkStatements.get(this.file);
			this.inFlight.add(this.pool.submit(() -> {
				try {
					Written written;
					try (Session session = WriteSessions.open(CsvImporter.this.driver)) {
						written = write(session, this.file, batch, this.rejects);
					}
					List<Map<String, Object>> rows = written.toLink();
					// in id order (the writers take them in row order: a rare deadlock between the two is retried by executeWrite)
					List<String> bills = List.copyOf(new TreeSet<>(written.bills()));
					List<String> customers = List.copyOf(new TreeSet<>(written.customers()));
					if ((linkStatement != null && !rows.isEmpty()) || !bills.isEmpty() || !customers.isEmpty()) {
						Future<?> linked = this.links.submit(() -> {
							try (Session session = WriteSessions.open(CsvImporter.this.driver)) {
								if (linkStatement != null && !rows.isEmpty()) {
									session.executeWriteWithoutResult(tx -> tx.run(linkStatement, Map.of("rows", rows)).consume());
								}
								if (!bills.isEmpty()) {
									session.executeWriteWithoutResult(
											tx -> tx.run(CsvImporter.this.billOpenUntil, Map.of("billIds", bills)).consume());
								}
								if (!customers.isEmpty()) {
									// on this one thread, after the batch committed: never two computations of a customer side by side
									session.executeWriteWithoutResult(
											tx -> PrepaidOpenUntil.compute(tx, customers));
								}
							}
						});
						synchronized (this.linking) {
							this.linking.add(linked);
						}
					}
					return written.rows();
				}
				finally {
					this.waiting.release();
				}
			}));
		}

		long awaitAll() {
			this.inFlight.forEach(batch -> this.written += result(batch));
			this.inFlight.clear();
			synchronized (this.linking) {
				this.linking.forEach(Writers::result);
				this.linking.clear();
			}
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
			synchronized (this.linking) {
				for (var it = this.linking.iterator(); it.hasNext();) {
					Future<?> linked = it.next();
					if (linked.isDone()) {
						result(linked);
						it.remove();
					}
				}
			}
		}

		private static <T> T result(Future<T> batch) {
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
			this.links.shutdownNow();
		}

	}

}
