package com.powerkg.collection;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.PaymentKind;
import com.powerkg.contract.ContractCodes.PaymentMode;
import com.powerkg.graph.CypherResource;
import com.powerkg.tagging.TagCode;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.powerkg.history.CustomerHistory.CENT;

/**
 * The plan of another date read from the embedded database's own API, in this process: what open-bills.cypher,
 * other-customers.cypher and customer-details.cypher read, without interpreting Cypher per row and serialising it
 * over Bolt and back, which is most of what a plan of 100k due bills costs (issue J). Cypher only seeks the open bills'
 * index, once for both the postpaid open bills and the prepaid customers short on D (open-bill-nodes.cypher). The
 * same plans as through the three statements ({@code StoredPlanTest} plans both ways and compares); used whenever the
 * database is the embedded one, the statements otherwise. The reads after the seek go in contiguous parts, one
 * transaction and thread each (one per core, at most four), merged in the seek's order.
 */
final class EmbeddedPlanReads {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPlanReads.class);

	private static final String OPEN_BILL_NODES = CypherResource.load(EmbeddedPlanReads.class, "open-bill-nodes.cypher");

	private static final Label CUSTOMER = Label.label("Customer");

	private static final Label DUNNING_CONTACT = Label.label("DunningContact");

	private static final Label PAYMENT = Label.label("Payment");

	private static final Label PREPAID_LEDGER = Label.label("PrepaidLedger");

	private static final Label BILL = Label.label("Bill");

	private static final Label TAG = Label.label("Tag");

	private static final RelationshipType BILLED = RelationshipType.withName("BILLED");

	private static final RelationshipType SETTLES = RelationshipType.withName("SETTLES");

	private static final RelationshipType CONCERNS = RelationshipType.withName("CONCERNS");

	private static final RelationshipType HAS_TAG = RelationshipType.withName("HAS_TAG");

	private static final RelationshipType HAS_LEDGER = RelationshipType.withName("HAS_LEDGER");

	private static final RelationshipType PAID = RelationshipType.withName("PAID");

	/** How often (in rows) a long read looks at its deadline. */
	private static final int CHECK_EVERY = 1024;

	/** The threads that read the parts of a plan after the first (the caller's thread reads that one). */
	private static final ExecutorService WORKERS = Executors
		.newCachedThreadPool(Thread.ofPlatform().daemon().name("collection-plan-read-", 1).factory());

	private final GraphDatabaseService database;

	/** In how many parts, each a transaction on a thread of its own, a long read goes: one per core, at most four. */
	private final int parts;

	EmbeddedPlanReads(GraphDatabaseService database) {
		this(database, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	EmbeddedPlanReads(GraphDatabaseService database, int parts) {
		this.database = database;
		this.parts = Math.max(1, parts);
	}

	/**
	 * The postpaid customers with bills open on D, as open-bills.cypher: each with those bills (what is still unpaid, the
	 * contacts made about each by the end of D), its tags in the run and, where a tag in {@code averageTags} is among
	 * them, its bills as dated amounts. In the same pass over the open bills, the ids other-customers.cypher finds: the
	 * prepaid customers with a bill still open after D, and the customers with a contact-change tag in the run.
	 * @param timeoutMillis the transaction's time (0: none)
	 * @param overdue       asked every so many rows: true ends the read ({@link PlanTimeoutException} from the caller)
	 */
	CollectionPlans.OpenBills openBills(LocalDate asOf, String runId, Set<String> averageTags, long timeoutMillis,
			BooleanSupplier overdue) {
		LocalDateTime until = asOf.plusDays(1).atStartOfDay();
		LocalDate from = asOf.minusMonths(12);
		long started = System.nanoTime();
		List<String> billIds = new ArrayList<>();
		try (Transaction tx = begin(timeoutMillis); Result result = tx.execute(OPEN_BILL_NODES, Map.of("until", until, "asOf", asOf))) {
			int rows = 0;
			while (result.hasNext()) {
				if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
					return null;
				}
				billIds.add((String) result.next().get("b"));
			}
			tx.commit();
		}
		// the bills in contiguous parts, one transaction and thread each; merged in the seek's order, so a customer's
		// bills and the customers come out as one pass would give them
		long sought = System.nanoTime();
		List<BillsPart> parts = inParts(billIds, timeoutMillis, (tx, slice) -> openBills(tx, slice, from, until, overdue));
		if (parts == null) {
			return null;
		}
		Map<String, Customer> byCustomer = new LinkedHashMap<>();
		Set<String> others = new LinkedHashSet<>();
		for (BillsPart part : parts) {
			part.byCustomer.forEach((key, customer) -> byCustomer.merge(key, customer, (seen, more) -> {
				seen.bills.addAll(more.bills);
				return seen;
			}));
			others.addAll(part.prepaid);
		}
		long billsRead = System.nanoTime();
		List<List<PlanRow>> planRows = inParts(List.copyOf(byCustomer.values()), timeoutMillis, (tx, slice) -> {
			List<PlanRow> read = new ArrayList<>(slice.size());
			int rows = 0;
			for (Customer c : slice) {
				if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
					return null;
				}
				Node node = tx.getNodeByElementId(c.elementId);
				List<String> tags = tags(node, runId);
				Ledger ledger = tags.stream().anyMatch(averageTags::contains) ? billsOnly(node) : Ledger.NONE;
				read.add(new PlanRow(c.id, false, c.bills, tags, ledger));
			}
			return read;
		});
		if (planRows == null) {
			return null;
		}
		long tagsRead = System.nanoTime();
		if (runId != null) {
			try (Transaction tx = begin(timeoutMillis)) {
				int rows = 0;
				for (TagCode code : List.of(TagCode.CONTACT_UPDATED, TagCode.CONTACT_ADDED)) {
					Node tag = tx.findNode(TAG, "code", code.name());
					if (tag == null) {
						continue;
					}
					for (Relationship r : tag.getRelationships(Direction.INCOMING, HAS_TAG)) {
						if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
							return null;
						}
						if (runId.equals(r.getProperty("run", null)) && r.getStartNode().hasLabel(CUSTOMER)) {
							others.add((String) r.getStartNode().getProperty("id"));
						}
					}
				}
				tx.commit();
			}
		}
		log.debug("open bills on {} in {} part(s): {} bills sought in {} ms, read in {} ms, {} customers' tags in {} ms, contact changes in {} ms",
				asOf, this.parts, billIds.size(), millis(sought - started), millis(billsRead - sought), byCustomer.size(),
				millis(tagsRead - billsRead), millis(System.nanoTime() - tagsRead));
		return new CollectionPlans.OpenBills(planRows.stream().flatMap(List::stream).toList(), List.copyOf(others));
	}

	/** One part of the open bills: the postpaid ones still owed, by customer; the prepaid customers' ids. Null: overdue. */
	private static BillsPart openBills(Transaction tx, List<String> billIds, LocalDate from, LocalDateTime until, BooleanSupplier overdue) {
		BillsPart part = new BillsPart();
		int rows = 0;
		for (String billId : billIds) {
			if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
				return null;
			}
			Node bill = tx.getNodeByElementId(billId);
			for (Relationship billed : bill.getRelationships(Direction.INCOMING, BILLED)) {
				Node customer = billed.getStartNode();
				if (!customer.hasLabel(CUSTOMER)) {
					continue;
				}
				Object mode = customer.getProperty("paymentMode", null);
				if (PaymentMode.PREPAID.name().equals(mode)) {
					part.prepaid.add((String) customer.getProperty("id"));
					continue;
				}
				if (!PaymentMode.POSTPAID.name().equals(mode) || ((LocalDate) bill.getProperty("dueOn")).isBefore(from)) {
					continue;
				}
				double amount = ((Number) bill.getProperty("amount")).doubleValue();
				double paid = 0;
				for (Relationship settles : bill.getRelationships(Direction.INCOMING, SETTLES)) {
					Node payment = settles.getStartNode();
					if (payment.hasLabel(PAYMENT) && ((LocalDateTime) payment.getProperty("paidAt")).isBefore(until)) {
						paid += ((Number) payment.getProperty("amount")).doubleValue();
					}
				}
				if (!(paid < amount - CENT)) {
					continue;
				}
				List<CollectionPlans.Contact> contacts = new ArrayList<>();
				for (Relationship concerns : bill.getRelationships(Direction.INCOMING, CONCERNS)) {
					Node contact = concerns.getStartNode();
					if (contact.hasLabel(DUNNING_CONTACT) && ((LocalDateTime) contact.getProperty("contactedAt")).isBefore(until)) {
						contacts.add(new CollectionPlans.Contact(((Number) contact.getProperty("round")).intValue(),
								ContactMethod.valueOf((String) contact.getProperty("method")), (Boolean) contact.getProperty("reached")));
					}
				}
				part.byCustomer.computeIfAbsent(customer.getElementId(), k -> new Customer(k, (String) customer.getProperty("id"))).bills
					.add(CollectionPlans.openBill((String) bill.getProperty("id"), (LocalDate) bill.getProperty("dueOn"), amount - paid,
							contacts));
			}
		}
		return part;
	}

	/**
	 * The customers of these ids, as customer-details.cypher: prepaid or not, their tags in the run, and where a rule
	 * uses them their bills and top-ups as dated amounts (a prepaid customer's from its ledger node where it has one).
	 * Unknown ids are left out. Read in parts as the open bills are, in the ids' order.
	 */
	List<PlanRow> details(List<String> ids, String runId, Set<String> averageTags, long timeoutMillis, BooleanSupplier overdue) {
		List<List<PlanRow>> parts = inParts(ids, timeoutMillis, (tx, slice) -> details(tx, slice, runId, averageTags, overdue));
		return (parts == null) ? null : parts.stream().flatMap(List::stream).toList();
	}

	private static List<PlanRow> details(Transaction tx, List<String> ids, String runId, Set<String> averageTags, BooleanSupplier overdue) {
		List<PlanRow> planRows = new ArrayList<>(ids.size());
		int rows = 0;
		for (String id : ids) {
			if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
				return null;
			}
			Node c = tx.findNode(CUSTOMER, "id", id);
			if (c == null) {
				continue;
			}
			boolean prepaid = PaymentMode.PREPAID.name().equals(c.getProperty("paymentMode", null));
			List<String> tags = tags(c, runId);
			Node ledgerNode = null;
			if (prepaid) {
				for (Relationship r : c.getRelationships(Direction.OUTGOING, HAS_LEDGER)) {
					if (r.getEndNode().hasLabel(PREPAID_LEDGER)) {
						ledgerNode = r.getEndNode();
						break;
					}
				}
			}
			Ledger ledger;
			if (ledgerNode != null) {
				ledger = new Ledger(list(ledgerNode.getProperty("billsIssuedOn", null), LocalDate.class),
						list(ledgerNode.getProperty("billsPeriod", null), String.class), numbers(ledgerNode.getProperty("billsAmount", null)),
						list(ledgerNode.getProperty("topUpsAt", null), LocalDateTime.class), numbers(ledgerNode.getProperty("topUpsAmount", null)));
			}
			else if (prepaid) {
				Ledger bills = billsOnly(c);
				List<LocalDateTime> at = new ArrayList<>();
				List<Double> amount = new ArrayList<>();
				for (Relationship r : c.getRelationships(Direction.OUTGOING, PAID)) {
					Node p = r.getEndNode();
					if (p.hasLabel(PAYMENT) && PaymentKind.TOPUP.name().equals(p.getProperty("kind", null))) {
						at.add((LocalDateTime) p.getProperty("paidAt"));
						amount.add(((Number) p.getProperty("amount")).doubleValue());
					}
				}
				ledger = new Ledger(bills.billsIssuedOn(), bills.billsPeriod(), bills.billsAmount(), at, amount);
			}
			else {
				ledger = tags.stream().anyMatch(averageTags::contains) ? billsOnly(c) : Ledger.NONE;
			}
			planRows.add(new PlanRow(id, prepaid, List.of(), tags, ledger));
		}
		return planRows;
	}

	/**
	 * Reads the items in {@link #parts} contiguous slices, each in a transaction of its own (the time each is given), the
	 * first on the caller's thread and the others on {@link #WORKERS}; the results in the slices' order, null when a
	 * slice saw the deadline. A failure of any slice is thrown once all have ended.
	 */
	private <I, R> List<R> inParts(List<I> items, long timeoutMillis, BiFunction<Transaction, List<I>, R> read) {
		int count = Math.max(1, Math.min(this.parts, items.size()));
		int size = (items.size() + count - 1) / count;
		List<Future<R>> others = new ArrayList<>();
		for (int p = 1; p < count; p++) {
			List<I> slice = items.subList(Math.min(items.size(), p * size), Math.min(items.size(), (p + 1) * size));
			others.add(WORKERS.submit(() -> readIn(slice, timeoutMillis, read)));
		}
		List<R> results = new ArrayList<>(count);
		RuntimeException failure = null;
		try {
			results.add(readIn(items.subList(0, Math.min(items.size(), size)), timeoutMillis, read));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Future<R> other : others) {
			try {
				results.add(other.get());
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				others.forEach(f -> f.cancel(true));
				throw new IllegalStateException("interrupted while reading the plan", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return results.contains(null) ? null : results;
	}

	private <I, R> R readIn(List<I> slice, long timeoutMillis, BiFunction<Transaction, List<I>, R> read) {
		try (Transaction tx = begin(timeoutMillis)) {
			R result = read.apply(tx, slice);
			tx.commit();
			return result;
		}
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	private Transaction begin(long timeoutMillis) {
		return (timeoutMillis > 0) ? this.database.beginTx(timeoutMillis, TimeUnit.MILLISECONDS) : this.database.beginTx();
	}

	/** The codes of the customer's tags in the run ({@code coalesce(h.run, '') = $runId}: none without a run). */
	private static List<String> tags(Node customer, String runId) {
		List<String> tags = new ArrayList<>();
		if (runId == null) {
			return tags;
		}
		for (Relationship r : customer.getRelationships(Direction.OUTGOING, HAS_TAG)) {
			if (runId.equals(r.getProperty("run", "")) && r.getEndNode().hasLabel(TAG)) {
				tags.add((String) r.getEndNode().getProperty("code"));
			}
		}
		return tags;
	}

	/** The customer's bills as dated amounts, no top-ups. */
	private static Ledger billsOnly(Node customer) {
		List<LocalDate> issuedOn = new ArrayList<>();
		List<String> period = new ArrayList<>();
		List<Double> amount = new ArrayList<>();
		for (Relationship r : customer.getRelationships(Direction.OUTGOING, BILLED)) {
			Node b = r.getEndNode();
			if (b.hasLabel(BILL)) {
				issuedOn.add((LocalDate) b.getProperty("issuedOn", null));
				period.add((String) b.getProperty("period", null));
				amount.add(((Number) b.getProperty("amount")).doubleValue());
			}
		}
		return new Ledger(issuedOn, period, amount, List.of(), List.of());
	}

	/** A list property (stored as an array) as a list; absent: empty. */
	private static <T> List<T> list(Object array, Class<T> type) {
		List<T> list = new ArrayList<>();
		if (array != null) {
			for (int i = 0; i < Array.getLength(array); i++) {
				list.add(type.cast(Array.get(array, i)));
			}
		}
		return list;
	}

	private static List<Double> numbers(Object array) {
		List<Double> list = new ArrayList<>();
		if (array != null) {
			for (int i = 0; i < Array.getLength(array); i++) {
				list.add(((Number) Array.get(array, i)).doubleValue());
			}
		}
		return list;
	}

	/** A postpaid customer with open bills, gathered bill by bill (by element id: a node belongs to one transaction). */
	private static final class Customer {

		final String elementId;

		final String id;

		final List<CollectionCase.OpenBill> bills = new ArrayList<>();

		Customer(String elementId, String id) {
			this.elementId = elementId;
			this.id = id;
		}

	}

	/** What one part of the open bills found. */
	private static final class BillsPart {

		final Map<String, Customer> byCustomer = new LinkedHashMap<>();

		final Set<String> prepaid = new LinkedHashSet<>();

	}

}
