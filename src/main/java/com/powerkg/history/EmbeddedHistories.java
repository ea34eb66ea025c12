package com.powerkg.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.contract.ContractCodes.Anomaly;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.contract.ContractCodes.PaymentKind;
import com.powerkg.contract.ContractCodes.PaymentMode;
import com.powerkg.contract.ContractCodes.WorkOrderTopic;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Reads customer histories straight from the embedded database's own API, in this process: no Cypher to interpret and
 * nothing to serialise over Bolt and back, which is most of what reading every customer's history costs. The same
 * histories as {@code customer-histories.cypher} (a test reads both ways and compares); used whenever the database is
 * the embedded one, the Cypher statement otherwise.
 */
final class EmbeddedHistories {

	private static final Label CUSTOMER = Label.label("Customer");

	private static final RelationshipType BILLED = RelationshipType.withName("BILLED");

	private static final RelationshipType PAID = RelationshipType.withName("PAID");

	private static final RelationshipType SETTLES = RelationshipType.withName("SETTLES");

	private static final RelationshipType RECEIVED = RelationshipType.withName("RECEIVED");

	private static final RelationshipType CONCERNS = RelationshipType.withName("CONCERNS");

	private static final RelationshipType CONSUMED = RelationshipType.withName("CONSUMED");

	private static final RelationshipType RAISED = RelationshipType.withName("RAISED");

	private static final RelationshipType HAS_OUTCOME = RelationshipType.withName("HAS_OUTCOME");

	private final GraphDatabaseService database;

	EmbeddedHistories(GraphDatabaseService database) {
		this.database = database;
	}

	/** The histories of the given customers as of {@code asOf}, in id order; unknown ids are left out. */
	List<CustomerHistory> histories(List<String> ids, LocalDate asOf) {
		LocalDateTime until = asOf.plusDays(1).atStartOfDay();
		String month = YearMonth.from(asOf).toString();
		List<CustomerHistory> histories = new ArrayList<>(ids.size());
		try (Transaction tx = this.database.beginTx()) {
			for (String id : ids) {
				Node customer = tx.findNode(CUSTOMER, "id", id);
				if (customer != null) {
					histories.add(history(id, customer, asOf, until, month));
				}
			}
			tx.commit();
		}
		histories.sort(Comparator.comparing(CustomerHistory::customerId));
		return histories;
	}

	private static CustomerHistory history(String id, Node c, LocalDate asOf, LocalDateTime until, String month) {
		Map<String, Object> p = c.getProperties("usageCategory", "importance", "voltageKv", "contractCapacityKva", "industryCode",
				"region", "paymentMode", "assetLiabilityRatio", "currentRatio", "returnOnNetAssets", "loanOnTimeRate",
				"reactiveCompensation", "calibrationOnSchedule", "equipmentAccidents", "socialCredit");
		var enterprise = new CustomerHistory.Enterprise(number(p, "assetLiabilityRatio"), number(p, "currentRatio"),
				number(p, "returnOnNetAssets"), number(p, "loanOnTimeRate"), (Boolean) p.get("reactiveCompensation"),
				(Boolean) p.get("calibrationOnSchedule"), p.get("equipmentAccidents") == null ? null : ((Number) p.get("equipmentAccidents")).longValue(),
				(String) p.get("socialCredit"));
		var profile = new CustomerHistory.Profile(id, (String) p.get("usageCategory"), (String) p.get("importance"),
				number(p, "voltageKv"), number(p, "contractCapacityKva"), (String) p.get("industryCode"), (String) p.get("region"),
				PaymentMode.PREPAID.name().equals(p.get("paymentMode")), enterprise);

		List<CustomerHistory.Payment> payments = new ArrayList<>();
		Map<String, List<CustomerHistory.Payment>> byBill = new HashMap<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, PAID)) {
			Node n = r.getEndNode();
			Map<String, Object> v = n.getProperties("id", "paidAt", "amount", "channel", "kind", "billId");
			LocalDateTime paidAt = (LocalDateTime) v.get("paidAt");
			if (!paidAt.isBefore(until)) {
				continue;
			}
			String billId = (String) v.get("billId");
			if (billId == null && !PaymentKind.TOPUP.name().equals(v.get("kind"))) {
				billId = endKey(n, SETTLES); // imported before the payment kept its bill's id
			}
			var payment = new CustomerHistory.Payment((String) v.get("id"), paidAt, ((Number) v.get("amount")).doubleValue(),
					(String) v.get("channel"), (String) v.get("kind"), billId);
			payments.add(payment);
			if (billId != null) {
				byBill.computeIfAbsent(billId, b -> new ArrayList<>()).add(payment);
			}
		}
		payments.sort(Comparator.comparing(CustomerHistory.Payment::paidAt).thenComparing(CustomerHistory.Payment::id));
		byBill.values().forEach(list -> list.sort(Comparator.comparing(CustomerHistory.Payment::paidAt)));

		List<CustomerHistory.Bill> bills = new ArrayList<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, BILLED)) {
			Map<String, Object> v = r.getEndNode().getProperties("id", "period", "issuedOn", "dueOn", "amount", "anomaly");
			LocalDate issuedOn = (LocalDate) v.get("issuedOn");
			if (issuedOn.isAfter(asOf)) {
				continue;
			}
			String billId = (String) v.get("id");
			bills.add(new CustomerHistory.Bill(billId, YearMonth.parse((String) v.get("period")), issuedOn, (LocalDate) v.get("dueOn"),
					((Number) v.get("amount")).doubleValue(), v.get("anomaly") == null ? Anomaly.NONE.name() : (String) v.get("anomaly"),
					byBill.getOrDefault(billId, List.of())));
		}
		bills.sort(Comparator.comparing(CustomerHistory.Bill::period).thenComparing(CustomerHistory.Bill::id));

		List<CustomerHistory.Contact> contacts = new ArrayList<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, RECEIVED)) {
			Node n = r.getEndNode();
			Map<String, Object> v = n.getProperties("id", "contactedAt", "round", "method", "reached", "response", "billId");
			LocalDateTime at = (LocalDateTime) v.get("contactedAt");
			if (!at.isBefore(until)) {
				continue;
			}
			String billId = (String) v.get("billId");
			if (billId == null) {
				billId = endKey(n, CONCERNS);
			}
			contacts.add(new CustomerHistory.Contact((String) v.get("id"), at, ((Number) v.get("round")).intValue(), (String) v.get("method"),
					(Boolean) v.get("reached"), v.get("response") == null ? DunningResponse.NONE.name() : (String) v.get("response"), billId));
		}
		contacts.sort(Comparator.comparing(CustomerHistory.Contact::contactedAt).thenComparing(CustomerHistory.Contact::id));

		List<CustomerHistory.MonthlyUsage> usage = new ArrayList<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, CONSUMED)) {
			Map<String, Object> v = r.getEndNode().getProperties("month", "kwh", "peakKwh");
			String m = (String) v.get("month");
			if (m.compareTo(month) <= 0) {
				usage.add(new CustomerHistory.MonthlyUsage(YearMonth.parse(m), ((Number) v.get("kwh")).doubleValue(), number(v, "peakKwh")));
			}
		}
		usage.sort(Comparator.comparing(CustomerHistory.MonthlyUsage::month));

		List<CustomerHistory.WorkOrder> orders = new ArrayList<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, RAISED)) {
			Map<String, Object> v = r.getEndNode().getProperties("createdAt", "type", "topic", "channel");
			LocalDateTime at = (LocalDateTime) v.get("createdAt");
			if (at.isBefore(until)) {
				orders.add(new CustomerHistory.WorkOrder(at, (String) v.get("type"), v.get("topic") == null ? WorkOrderTopic.OTHER.name() : (String) v.get("topic"),
						(String) v.get("channel")));
			}
		}
		orders.sort(Comparator.comparing(CustomerHistory.WorkOrder::createdAt));

		List<CustomerHistory.Outcome> outcomes = new ArrayList<>();
		for (Relationship r : c.getRelationships(Direction.OUTGOING, HAS_OUTCOME)) {
			Map<String, Object> v = r.getEndNode().getProperties("observedOn", "defaulted");
			outcomes.add(new CustomerHistory.Outcome((LocalDate) v.get("observedOn"), (Boolean) v.get("defaulted")));
		}
		outcomes.sort(Comparator.comparing(CustomerHistory.Outcome::observedOn));
		return new CustomerHistory(profile, bills, payments, contacts, usage, orders, outcomes);
	}

	/** The id of the node at the end of the node's one relationship of this type, or null. */
	private static String endKey(Node node, RelationshipType type) {
		for (Relationship r : node.getRelationships(Direction.OUTGOING, type)) {
			return (String) r.getEndNode().getProperty("id", null);
		}
		return null;
	}

	private static Double number(Map<String, Object> values, String key) {
		Object v = values.get(key);
		return (v == null) ? null : ((Number) v).doubleValue();
	}

}
