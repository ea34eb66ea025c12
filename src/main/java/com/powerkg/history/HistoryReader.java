package com.powerkg.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.powerkg.contract.ContractCodes.Anomaly;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.contract.ContractCodes.WorkOrderTopic;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads every customer's {@link CustomerHistory} once per run: in batches of customers in id order (keyset pages, so
 * each batch costs the same), each batch in one round-trip (through the embedded database's own API when it is in this
 * process, {@code customer-histories.cypher} otherwise), several batches at a time (one per core by default), and
 * never more batches in memory than readers. A batch's histories go to the caller's handler on the reading thread;
 * the handlers' results come back in id order, whatever order the batches finished in. Progress is logged every 10 s
 * with customers and rows per second and the time left.
 */
@Component
public class HistoryReader {

	/** Shown in the terminal of a command-line analyze (logback-command.xml). */
	private static final Logger log = LoggerFactory.getLogger("powerkg.progress.histories");

	private static final String IDS = CypherResource.load(HistoryReader.class, "customer-ids.cypher");

	private static final String HISTORIES = CypherResource.load(HistoryReader.class, "customer-histories.cypher");

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private final GraphReads reads;

	/** The embedded database's own API, when the database is in this process; null for an external one. */
	private final EmbeddedHistories embedded;

	/** Reads through Cypher (any database). */
	public HistoryReader(GraphReads reads) {
		this(reads, (GraphDatabaseService) null);
	}

	/**
	 * @param embedded the embedded database, read through its own API (several times faster than Cypher over Bolt);
	 *                 null: through Cypher
	 */
	public HistoryReader(GraphReads reads, GraphDatabaseService embedded) {
		this.reads = reads;
		this.embedded = (embedded != null) ? new EmbeddedHistories(embedded) : null;
	}

	@Autowired
	public HistoryReader(GraphReads reads, ObjectProvider<EmbeddedNeo4j> embedded) {
		this(reads, embedded.getIfAvailable() == null ? null : embedded.getIfAvailable().service().database("neo4j"));
	}

	/**
	 * @param batchSize customers per round-trip
	 * @param threads   batches read (and handled) at the same time
	 * @param handler   called once per batch, possibly on several threads at once
	 * @return the handler's results in id order of the batches
	 */
	public <R> List<R> read(LocalDate asOf, int batchSize, int threads, Function<List<CustomerHistory>, R> handler) {
		var progress = new Progress(this.reads.customerCount());
		ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("history-reader-", 1).daemon().factory());
		Semaphore inFlight = new Semaphore(threads);
		List<Future<R>> results = new ArrayList<>();
		try {
			String after = null;
			while (true) {
				List<String> ids = ids(after, batchSize);
				if (ids.isEmpty()) {
					break;
				}
				inFlight.acquireUninterruptibly();
				failFast(results);
				results.add(pool.submit(() -> {
					try {
						List<CustomerHistory> batch = histories(ids, asOf, progress);
						R result = handler.apply(batch);
						progress.customers(batch.size());
						return result;
					}
					finally {
						inFlight.release();
					}
				}));
				after = ids.getLast();
			}
			List<R> ordered = new ArrayList<>(results.size());
			for (Future<R> result : results) {
				ordered.add(get(result));
			}
			progress.done();
			return ordered;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The histories of the given customers as of {@code asOf}, in id order; unknown ids are left out. */
	public List<CustomerHistory> histories(List<String> ids, LocalDate asOf) {
		return histories(ids, asOf, null);
	}

	private List<String> ids(String after, int size) {
		Map<String, Object> page = new HashMap<>();
		page.put("after", after);
		page.put("size", size);
		return this.reads.list(IDS, page, r -> r.get("id").asString());
	}

	private List<CustomerHistory> histories(List<String> ids, LocalDate asOf, Progress progress) {
		if (this.embedded != null) {
			List<CustomerHistory> histories = this.embedded.histories(ids, asOf);
			if (progress != null) {
				progress.rows(histories.stream().mapToLong(HistoryReader::rows).sum());
			}
			return histories;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		params.put("asOf", asOf);
		params.put("until", asOf.plusDays(1).atStartOfDay());
		params.put("month", YearMonth.from(asOf).toString());
		List<CustomerHistory> histories = new ArrayList<>(ids.size());
		long rows = 0;
		for (Record record : this.reads.records(HISTORIES, params)) {
			CustomerHistory history = history(record);
			histories.add(history);
			rows += rows(history);
		}
		if (progress != null) {
			progress.rows(rows);
		}
		histories.sort(Comparator.comparing(CustomerHistory::customerId));
		return histories;
	}

	/** Rows of the contract files a history holds (its customer counts one). */
	private static long rows(CustomerHistory history) {
		return 1 + history.bills().size() + history.payments().size() + history.contacts().size() + history.consumption().size()
				+ history.workOrders().size() + history.outcomes().size();
	}

	static CustomerHistory history(Record record) {
		String id = record.get("id").asString();
		Value p = record.get("profile");
		var enterprise = new CustomerHistory.Enterprise(nullableDouble(p.get(7)), nullableDouble(p.get(8)), nullableDouble(p.get(9)),
				nullableDouble(p.get(10)), p.get(11).isNull() ? null : p.get(11).asBoolean(), p.get(12).isNull() ? null : p.get(12).asBoolean(),
				p.get(13).isNull() ? null : p.get(13).asLong(), p.get(14).asString(null));
		var profile = new CustomerHistory.Profile(id, p.get(0).asString(null), p.get(1).asString(null), nullableDouble(p.get(2)),
				nullableDouble(p.get(3)), p.get(4).asString(null), p.get(5).asString(null), p.get(6).asBoolean(false), enterprise);

		List<CustomerHistory.Payment> payments = new ArrayList<>(record.get("payments").size());
		Map<String, List<CustomerHistory.Payment>> byBill = new HashMap<>();
		for (Value v : record.get("payments").values()) {
			String billId = v.get(5).asString(null);
			var payment = new CustomerHistory.Payment(v.get(0).asString(), v.get(1).asLocalDateTime(), v.get(2).asDouble(),
					v.get(3).asString(), v.get(4).asString(), billId);
			payments.add(payment);
			if (billId != null) {
				byBill.computeIfAbsent(billId, b -> new ArrayList<>()).add(payment);
			}
		}
		payments.sort(Comparator.comparing(CustomerHistory.Payment::paidAt).thenComparing(CustomerHistory.Payment::id));
		byBill.values().forEach(list -> list.sort(Comparator.comparing(CustomerHistory.Payment::paidAt)));

		List<CustomerHistory.Bill> bills = new ArrayList<>(record.get("bills").size());
		for (Value v : record.get("bills").values()) {
			String billId = v.get(0).asString();
			bills.add(new CustomerHistory.Bill(billId, YearMonth.parse(v.get(1).asString()), v.get(2).asLocalDate(),
					v.get(3).asLocalDate(), v.get(4).asDouble(), v.get(5).asString(Anomaly.NONE.name()), byBill.getOrDefault(billId, List.of())));
		}
		bills.sort(Comparator.comparing(CustomerHistory.Bill::period).thenComparing(CustomerHistory.Bill::id));

		List<CustomerHistory.Contact> contacts = new ArrayList<>(record.get("contacts").size());
		for (Value v : record.get("contacts").values()) {
			contacts.add(new CustomerHistory.Contact(v.get(0).asString(), v.get(1).asLocalDateTime(), v.get(2).asInt(),
					v.get(3).asString(), v.get(4).asBoolean(), v.get(5).asString(DunningResponse.NONE.name()), v.get(6).asString(null)));
		}
		contacts.sort(Comparator.comparing(CustomerHistory.Contact::contactedAt).thenComparing(CustomerHistory.Contact::id));

		List<CustomerHistory.MonthlyUsage> usage = new ArrayList<>(record.get("usage").size());
		for (Value v : record.get("usage").values()) {
			usage.add(new CustomerHistory.MonthlyUsage(YearMonth.parse(v.get(0).asString()), v.get(1).asDouble(), nullableDouble(v.get(2))));
		}
		usage.sort(Comparator.comparing(CustomerHistory.MonthlyUsage::month));

		List<CustomerHistory.WorkOrder> orders = new ArrayList<>(record.get("orders").size());
		for (Value v : record.get("orders").values()) {
			orders.add(new CustomerHistory.WorkOrder(v.get(0).asLocalDateTime(), v.get(1).asString(), v.get(2).asString(WorkOrderTopic.OTHER.name()),
					v.get(3).asString(null)));
		}
		orders.sort(Comparator.comparing(CustomerHistory.WorkOrder::createdAt));

		List<CustomerHistory.Outcome> outcomes = new ArrayList<>(record.get("outcomes").size());
		for (Value v : record.get("outcomes").values()) {
			outcomes.add(new CustomerHistory.Outcome(v.get(0).asLocalDate(), v.get(1).asBoolean()));
		}
		outcomes.sort(Comparator.comparing(CustomerHistory.Outcome::observedOn));
		return new CustomerHistory(profile, bills, payments, contacts, usage, orders, outcomes);
	}

	private static Double nullableDouble(Value v) {
		return v.isNull() ? null : v.asDouble();
	}

	/** A failed batch stops the reading at once (its exception is thrown where the results are collected). */
	private static <R> void failFast(List<Future<R>> results) {
		for (Future<R> result : results) {
			if (result.isDone()) {
				get(result);
			}
		}
	}

	private static <R> R get(Future<R> result) {
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading customer histories", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("reading customer histories failed: " + ex.getCause(), ex.getCause());
		}
	}

	/** Counts and logs progress: customers and rows per second, and the time left. */
	private static final class Progress {

		private final long total;

		private final long started = System.nanoTime();

		private final AtomicLong customers = new AtomicLong();

		private final AtomicLong rows = new AtomicLong();

		private volatile long lastLog = System.nanoTime();

		Progress(long total) {
			this.total = total;
		}

		void rows(long n) {
			this.rows.addAndGet(n);
		}

		void customers(long n) {
			long done = this.customers.addAndGet(n);
			long now = System.nanoTime();
			if (now - this.lastLog >= PROGRESS_INTERVAL.toNanos()) {
				this.lastLog = now;
				double seconds = (now - this.started) / 1e9;
				double perSecond = done / Math.max(seconds, 1e-3);
				long left = Math.max(0, this.total - done);
				log.info("histories: {} of {} customers ({} customers/s, {} rows/s), about {} left", done, this.total,
						Math.round(perSecond), Math.round(this.rows.get() / Math.max(seconds, 1e-3)),
						format(Duration.ofSeconds(Math.round(left / Math.max(perSecond, 1e-9)))));
			}
		}

		void done() {
			double seconds = (System.nanoTime() - this.started) / 1e9;
			log.info("histories: {} customers, {} rows read in {} s ({} rows/s)", this.customers.get(), this.rows.get(),
					String.format(Locale.ROOT, "%.1f", seconds), Math.round(this.rows.get() / Math.max(seconds, 1e-3)));
		}

		private static String format(Duration d) {
			return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
		}

	}

}
