package com.powerkg.collection;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.GraphReads;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.tagging.TagCode;
import com.powerkg.tagging.TaggingStage;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Builds the collection plan for a dunning date from the graph: open postpaid bills with the rounds made, prepaid
 * balances, and the tags of the published run, then {@link CollectionPlanner}'s rules. The last plan is kept per
 * date and published run, so paging through it costs one computation.
 * <p>
 * A plan asked for with a time limit (a GraphQL request, answered 408 once its time is over) is not computed for
 * nobody: a request that waited its whole time for another plan's computation gives up without starting its own, and
 * a computation still reading when the time is over is stopped (the database ends its reads at the deadline). Without
 * a limit (the {@code worklist} command) a plan takes as long as it takes.
 */
@Service
public class CollectionPlans {

	private static final Logger log = LoggerFactory.getLogger(CollectionPlans.class);

	private static final String OPEN_BILLS = CypherResource.load(CollectionPlans.class, "open-bills.cypher");

	private static final String OTHERS = CypherResource.load(CollectionPlans.class, "other-customers.cypher");

	private static final String DETAILS = CypherResource.load(CollectionPlans.class, "customer-details.cypher");

	private static final String RUN_AS_OF = CypherResource.load(CollectionPlans.class, "run-as-of.cypher");

	private static final int BATCH = 2000;

	private static final List<String> AVERAGE_TAGS = CollectionPlanner.AVERAGE_TAGS.stream().map(Enum::name).toList();

	private static final Set<String> AVERAGE_TAG_SET = Set.copyOf(AVERAGE_TAGS);

	private final GraphReads reads;

	private final AnalyticsRuns runs;

	/** How long a plan is reused for paging; recorded contacts clear it at once ({@link #forget()}). */
	static final Duration REUSE = Duration.ofMinutes(1);

	private volatile CollectionPlan last;

	private volatile long lastComputedAt;

	/** Held while a plan is computed (package-private for tests that hold it). */
	final ReentrantLock computing = new ReentrantLock();

	private final TaggingStage tagging;

	/** The embedded database's own API, when the database is in this process; null: the plan is read through Cypher. */
	private final EmbeddedPlanReads embedded;

	/** Reads through Cypher (any database). */
	public CollectionPlans(GraphReads reads, AnalyticsRuns runs, TaggingStage tagging) {
		this(reads, runs, tagging, (GraphDatabaseService) null);
	}

	/**
	 * @param embedded the embedded database, read through its own API (the open bills' index seek in Cypher, the rest
	 *                 from the nodes); null: through Cypher
	 */
	public CollectionPlans(GraphReads reads, AnalyticsRuns runs, TaggingStage tagging, GraphDatabaseService embedded) {
		this(reads, runs, tagging, (embedded != null) ? new EmbeddedPlanReads(embedded) : null);
	}

	/** Reads the embedded database in this many parts at once (a test's: the default is one per core). */
	CollectionPlans(GraphReads reads, AnalyticsRuns runs, TaggingStage tagging, GraphDatabaseService embedded, int parts) {
		this(reads, runs, tagging, new EmbeddedPlanReads(embedded, parts));
	}

	private CollectionPlans(GraphReads reads, AnalyticsRuns runs, TaggingStage tagging, EmbeddedPlanReads embedded) {
		this.reads = reads;
		this.runs = runs;
		this.tagging = tagging;
		this.embedded = embedded;
	}

	@Autowired
	public CollectionPlans(GraphReads reads, AnalyticsRuns runs, TaggingStage tagging, ObjectProvider<EmbeddedNeo4j> embedded) {
		this(reads, runs, tagging, embedded.getIfAvailable() == null ? null : embedded.getIfAvailable().service().database("neo4j"));
	}

	/** The plan of a date, however long it takes (the {@code worklist} command). */
	public CollectionPlan plan(LocalDate date) {
		return plan(date, null);
	}

	/**
	 * The plan of a date within a time limit.
	 * @param limit how long the caller waits (null: no limit)
	 * @throws PlanTimeoutException when the limit passed before the plan was ready; nothing is computed after it
	 */
	public CollectionPlan plan(LocalDate date, Duration limit) {
		long deadline = (limit == null) ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
		String run = this.runs.publishedRunId().orElse(null);
		CollectionPlan cached = reusable(date, run);
		if (cached != null) {
			return cached;
		}
		// one computation at a time: concurrent requests for the same plan wait for it instead of each computing it,
		// and a request whose time is over stops waiting instead of computing a plan nobody waits for any more
		try {
			if (!this.computing.tryLock(remaining(deadline), TimeUnit.NANOSECONDS)) {
				throw timedOut(date, limit, "waiting for another plan's computation");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw timedOut(date, limit, "interrupted while waiting for another plan's computation");
		}
		try {
			cached = reusable(date, run);
			if (cached != null) {
				return cached;
			}
			CollectionPlan plan = compute(date, run, deadline, limit);
			this.last = plan;
			this.lastComputedAt = System.nanoTime();
			return plan;
		}
		finally {
			this.computing.unlock();
		}
	}

	/** The last plan computed, when it is of this date and run and recent enough to serve again; else null. */
	private CollectionPlan reusable(LocalDate date, String run) {
		CollectionPlan cached = this.last;
		boolean same = cached != null && cached.date().equals(date) && Objects.equals(cached.run(), run)
				&& System.nanoTime() - this.lastComputedAt < REUSE.toNanos();
		return same ? cached : null;
	}

	private static long remaining(long deadline) {
		return (deadline == Long.MAX_VALUE) ? Long.MAX_VALUE : deadline - System.nanoTime();
	}

	private static PlanTimeoutException timedOut(LocalDate date, Duration limit, String doing) {
		String within = (limit.toMillis() < 1000) ? limit.toMillis() + " ms" : limit.toSeconds() + " s";
		log.info("collection plan for {} given up after {} ({}): its request is answered as timed out", date, within, doing);
		return new PlanTimeoutException("The collection plan for " + date + " was not ready within " + within + " (" + doing
				+ "). Only the published run's date is stored; for another date use the worklist command, or raise "
				+ "powerkg.graphql.timeout.");
	}

	/** The rows of one read of the plan, ended by the database at the deadline. */
	private List<Record> read(String cypher, Map<String, Object> params, LocalDate date, long deadline, Duration limit) {
		long left = remaining(deadline);
		if (left == Long.MAX_VALUE) {
			return this.reads.records(cypher, params);
		}
		if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
			throw timedOut(date, limit, "reading the graph");
		}
		try {
			return this.reads.records(cypher, params, Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(left) + 1));
		}
		catch (ClientException ex) {
			if (ex.code() != null && ex.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
				throw timedOut(date, limit, "reading the graph");
			}
			throw ex;
		}
	}

	/** Drops the reused plan: the data behind it changed. */
	public void forget() {
		this.last = null;
	}

	private CollectionPlan compute(LocalDate date, String run, long deadline, Duration limit) {
		long started = System.nanoTime();
		// NO_DUNNING_THIS_MONTH speaks of the run's month: it does not hold back a plan for another month
		boolean sameMonth = run != null && YearMonth.from(runAsOf(run)).equals(YearMonth.from(date));
		SettleWindows windows = SettleWindows.of(this.tagging.loadParameters());
		var builder = new PlanBuilder(date, windows);
		// the postpaid customers with open bills, with their tags (and bills where a rule uses the mean); the
		// three reads take the same parameters, each what it uses
		Map<String, Object> window = new HashMap<>();
		window.put("from", date.minusMonths(12));
		window.put("asOf", date);
		window.put("until", date.plusDays(1).atStartOfDay());
		window.put("runId", run);
		window.put("averageTags", AVERAGE_TAGS);
		Set<String> planned = new HashSet<>();
		int openBills = 0;
		OpenBills read = openBills(window, date, deadline, limit);
		for (PlanRow row : read.customers()) {
			openBills += row.bills().size();
			planned.add(row.customerId());
		}
		builder.merge(planned(read.customers(), date, windows, row -> {
			// the read returns a customer's bills in no particular order; the run lists them in due order, and so does this
			List<CollectionCase.OpenBill> bills = new ArrayList<>(row.bills());
			bills.sort(CollectionCase.OpenBill.LISTED);
			return collectionCase(row.customerId(), false, row.tags(), sameMonth, bills, row.ledger().averageMonthlyBill(date), null);
		}));
		long billsRead = System.nanoTime();
		// the others (short prepaid customers, changed contact details) not planned yet, their details read by id in batches
		List<String> others = new ArrayList<>();
		for (String id : read.others()) {
			if (planned.add(id)) {
				others.add(id);
			}
		}
		// batches bound a Cypher statement's list parameter; the embedded read takes them all at once, in its parts
		int batch = (this.embedded != null) ? Math.max(1, others.size()) : BATCH;
		for (int from = 0; from < others.size(); from += batch) {
			builder.merge(planned(details(window, others.subList(from, Math.min(others.size(), from + batch)), date, deadline, limit), date,
					windows, row -> collectionCase(row.customerId(), row.prepaid(), row.tags(), sameMonth, List.of(),
							row.ledger().averageMonthlyBill(date), row.prepaid() ? row.ledger().balance(date) : null)));
		}
		long detailsRead = System.nanoTime();
		CollectionPlan plan = builder.build(run);
		log.info("collection plan for {}: {} tasks, {} contacts against {} in the uniform baseline, in {} ms ({} open bills of {} "
				+ "customers read with their tags, and the others' ids, in {} ms; {} other customers' details in {} ms)", date, plan.tasks().size(),
				plan.workload().planContacts(), plan.workload().baselineContacts(), (System.nanoTime() - started) / 1_000_000,
				openBills, planned.size() - others.size(), (billsRead - started) / 1_000_000, others.size(),
				(detailsRead - billsRead) / 1_000_000);
		return plan;
	}

	/**
	 * The rows' cases planned on every core, each thread into a builder of its own, merged: the plan's order is the
	 * ranking's ({@link PlanBuilder#build}), not the merge's.
	 */
	private static PlanBuilder planned(List<PlanRow> rows, LocalDate date, SettleWindows windows, Function<PlanRow, CollectionCase> toCase) {
		return rows.parallelStream().collect(() -> new PlanBuilder(date, windows), (part, row) -> part.add(toCase.apply(row)), PlanBuilder::merge);
	}

	/** A customer's case from what was read: the tags of the run (NO_DUNNING_THIS_MONTH only in the run's month). */
	private static CollectionCase collectionCase(String id, boolean prepaid, List<String> tagCodes, boolean sameMonth,
			List<CollectionCase.OpenBill> bills, double average, Double balance) {
		Set<TagCode> tags = EnumSet.noneOf(TagCode.class);
		tagCodes.forEach(code -> tags.add(TagCode.valueOf(code)));
		if (!sameMonth) {
			tags.remove(TagCode.NO_DUNNING_THIS_MONTH);
		}
		return new CollectionCase(id, prepaid, tags, bills, average, balance);
	}

	/**
	 * The postpaid customers with bills open on D (open-bills.cypher) and the ids other-customers.cypher finds; the
	 * embedded database's API reads both in one pass over the open bills.
	 */
	private OpenBills openBills(Map<String, Object> window, LocalDate date, long deadline, Duration limit) {
		if (this.embedded != null) {
			return embedded(() -> this.embedded.openBills(date, (String) window.get("runId"), AVERAGE_TAG_SET, millisLeft(deadline, date, limit),
					() -> System.nanoTime() > deadline), deadline, date, limit);
		}
		List<PlanRow> customers = read(OPEN_BILLS, window, date, deadline, limit).stream().map(r -> new PlanRow(r.get("customerId").asString(),
				false, r.get("bills").asList(v -> openBill(v.get(0).asString(), v.get(1).asLocalDate(), v.get(2).asDouble(),
						v.get(3).asList(c -> new Contact(c.get(0).asInt(), ContactMethod.valueOf(c.get(1).asString()), c.get(2).asBoolean())))),
				r.get("tags").asList(Value::asString), ledger(r, List.of(), List.of()))).toList();
		return new OpenBills(customers, read(OTHERS, window, date, deadline, limit).stream().map(r -> r.get("id").asString()).toList());
	}

	/** What the open bills' read found: the postpaid customers with open bills, and the other customers' ids. */
	record OpenBills(List<PlanRow> customers, List<String> others) {
	}

	/** The customers of these ids with what the plan's rules use of them (customer-details.cypher, or the same). */
	private List<PlanRow> details(Map<String, Object> window, List<String> ids, LocalDate date, long deadline, Duration limit) {
		if (this.embedded != null) {
			return embedded(() -> this.embedded.details(ids, (String) window.get("runId"), AVERAGE_TAG_SET,
					millisLeft(deadline, date, limit), () -> System.nanoTime() > deadline), deadline, date, limit);
		}
		Map<String, Object> params = new HashMap<>(window);
		params.put("ids", ids);
		return read(DETAILS, params, date, deadline, limit).stream().map(r -> new PlanRow(r.get("id").asString(),
				r.get("prepaid").asBoolean(), List.of(), r.get("tags").asList(Value::asString),
				ledger(r, r.get("topUpsAt").asList(Value::asLocalDateTime), r.get("topUpsAmount").asList(Value::asDouble)))).toList();
	}

	/** The milliseconds left before the deadline for a transaction of the embedded database (0: no limit). */
	private static long millisLeft(long deadline, LocalDate date, Duration limit) {
		long left = remaining(deadline);
		if (left == Long.MAX_VALUE) {
			return 0;
		}
		if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
			throw timedOut(date, limit, "reading the graph");
		}
		return TimeUnit.NANOSECONDS.toMillis(left) + 1;
	}

	/**
	 * A read of the embedded database: null (it saw the deadline pass) is a timeout, and so is any failure once the
	 * deadline has passed (its transaction's time ran out: the database ends it with one exception or another).
	 */
	private static <T> T embedded(Supplier<T> read, long deadline, LocalDate date, Duration limit) {
		T rows;
		try {
			rows = read.get();
		}
		catch (PlanTimeoutException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline - TimeUnit.MILLISECONDS.toNanos(5)) {
				throw timedOut(date, limit, "reading the graph");
			}
			throw ex;
		}
		if (rows == null) {
			throw timedOut(date, limit, "reading the graph");
		}
		return rows;
	}

	/** The ledger of a row with the bills as dated amounts (billsIssuedOn, billsPeriod, billsAmount) and these top-ups. */
	private static Ledger ledger(Record r, List<LocalDateTime> topUpsAt, List<Double> topUpsAmount) {
		return new Ledger(r.get("billsIssuedOn").asList(Value::asLocalDate), r.get("billsPeriod").asList(Value::asString),
				r.get("billsAmount").asList(Value::asDouble), topUpsAt, topUpsAmount);
	}

	/** A dunning contact about a bill, as far as the rounds are concerned. */
	record Contact(int round, ContactMethod method, boolean reached) {
	}

	/** An open bill with the rounds that reached the customer as done, and the methods that did not reach per round. */
	static CollectionCase.OpenBill openBill(String id, LocalDate dueOn, double open, List<Contact> contacts) {
		Set<Integer> done = new HashSet<>();
		Map<Integer, Set<ContactMethod>> unreached = new HashMap<>();
		for (Contact contact : contacts) {
			if (contact.reached()) {
				done.add(contact.round());
			}
			else {
				unreached.computeIfAbsent(contact.round(), r -> EnumSet.noneOf(ContactMethod.class)).add(contact.method());
			}
		}
		return new CollectionCase.OpenBill(id, dueOn, open, done, unreached);
	}

	private LocalDate runAsOf(String run) {
		return this.reads.single(RUN_AS_OF, Map.of("id", run)).get("asOf").asLocalDate();
	}

}
