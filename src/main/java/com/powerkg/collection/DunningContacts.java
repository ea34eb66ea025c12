package com.powerkg.collection;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;

import org.springframework.stereotype.Service;

/** Dunning contact results recorded through the API (the feedback loop of SPEC §7). */
@Service
public class DunningContacts {

	private static final String RECORD = CypherResource.load(DunningContacts.class, "record-contact.cypher");

	private final Driver driver;

	private final CollectionPlans plans;

	public DunningContacts(Driver driver, CollectionPlans plans) {
		this.driver = driver;
		this.plans = plans;
	}

	public record Contact(String customerId, String billId, LocalDateTime contactedAt, int round, ContactMethod method,
			boolean reached, String response) {
	}

	/**
	 * @return the stored contact as a map of its properties plus {@code customerId} and {@code billId}
	 * @throws IllegalArgumentException for a round outside 1..4, a time in the future, an unknown customer or a bill
	 *                                  that is not the customer's
	 */
	public Map<String, Object> record(Contact contact, String recordedBy) {
		if (contact.round() < 1 || contact.round() > 4) {
			throw new IllegalArgumentException("round must be 1 to 4 (was " + contact.round() + ")");
		}
		if (contact.round() >= 2 && contact.billId() == null) {
			throw new IllegalArgumentException("a round-" + contact.round() + " contact must name its bill (billId): rounds 2-4 are "
					+ "counted per bill towards a lawful cut-off");
		}
		if (contact.contactedAt().isAfter(LocalDateTime.now().plusMinutes(5))) {
			throw new IllegalArgumentException("contactedAt " + contact.contactedAt() + " is in the future");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", "API-" + UUID.randomUUID());
		params.put("customerId", contact.customerId());
		params.put("billId", contact.billId());
		params.put("contactedAt", contact.contactedAt());
		params.put("round", (long) contact.round());
		params.put("method", contact.method().name());
		params.put("reached", contact.reached());
		params.put("response", contact.response() == null ? "NONE" : contact.response());
		params.put("recordedBy", recordedBy);
		var records = this.driver.executableQuery(RECORD).withParameters(params).execute().records();
		if (records.isEmpty()) {
			throw new IllegalArgumentException(contact.billId() == null ? "no customer " + contact.customerId()
					: "no customer " + contact.customerId() + " with bill " + contact.billId());
		}
		this.plans.forget();
		return records.getFirst().get("contact").asMap();
	}

}
