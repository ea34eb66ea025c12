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
import java.util.concurrent.TimeUnit;
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

import static com.powerkg.history.CustomerHistory.CENT;

/**
 * The plan of another date read from the embedded database's own API, in this process: what open-bills.cypher,
 * other-customers.cypher and customer-details.cypher read, without interpreting Cypher per row and serialising it
 * over Bolt and back, which is most of what a plan of 100k due bills costs (issue J). Cypher only seeks the open bills'
 * index, once for both the postpaid open bills and the prepaid customers short on D (open-bill-nodes.cypher). The
 * same plans as through the three statements ({@code StoredPlanTest} plans both ways and compares); used whenever the
 * database is the embedded one, the statements otherwise.
 */
final class EmbeddedPlanReads {

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

	private final GraphDatabaseService database;

	EmbeddedPlanReads(GraphDatabaseService database) {
		this.database = database;
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
		Map<String, Object> params = Map.of("until", until, "asOf", asOf);
		Map<String, Customer> byCustomer = new LinkedHashMap<>();
		Set<String> others = new LinkedHashSet<>();
		try (Transaction tx = begin(timeoutMillis); Result result = tx.execute(OPEN_BILL_NODES, params)) {
			int rows = 0;
			while (result.hasNext()) {
				if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
					return null;
				}
				Node bill = (Node) result.next().get("b");
				for (Relationship billed : bill.getRelationships(Direction.INCOMING, BILLED)) {
					Node customer = billed.getStartNode();
					if (!customer.hasLabel(CUSTOMER)) {
						continue;
					}
					Object mode = customer.getProperty("paymentMode", null);
					if (PaymentMode.PREPAID.name().equals(mode)) {
						others.add((String) customer.getProperty("id"));
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
					byCustomer.computeIfAbsent(customer.getElementId(), k -> new Customer(customer)).bills
						.add(CollectionPlans.openBill((String) bill.getProperty("id"), (LocalDate) bill.getProperty("dueOn"), amount - paid,
								contacts));
				}
			}
			List<PlanRow> planRows = new ArrayList<>(byCustomer.size());
			for (Customer c : byCustomer.values()) {
				if (++rows % CHECK_EVERY == 0 && overdue.getAsBoolean()) {
					return null;
				}
				List<String> tags = tags(c.node, runId);
				Ledger ledger = tags.stream().anyMatch(averageTags::contains) ? billsOnly(c.node) : Ledger.NONE;
				planRows.add(new PlanRow((String) c.node.getProperty("id"), false, c.bills, tags, ledger));
			}
			if (runId != null) {
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
			}
			tx.commit();
			return new CollectionPlans.OpenBills(planRows, List.copyOf(others));
		}
	}

	/**
	 * The customers of these ids, as customer-details.cypher: prepaid or not, their tags in the run, and where a rule
	 * uses them their bills and top-ups as dated amounts (a prepaid customer's from its ledger node where it has one).
	 * Unknown ids are left out.
	 */
	List<PlanRow> details(List<String> ids, String runId, Set<String> averageTags, long timeoutMillis, BooleanSupplier overdue) {
		List<PlanRow> planRows = new ArrayList<>(ids.size());
		try (Transaction tx = begin(timeoutMillis)) {
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
			tx.commit();
		}
		return planRows;
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

	/** A postpaid customer with open bills, gathered bill by bill. */
	private static final class Customer {

		final Node node;

		final List<CollectionCase.OpenBill> bills = new ArrayList<>();

		Customer(Node node) {
			this.node = node;
		}

	}

}
