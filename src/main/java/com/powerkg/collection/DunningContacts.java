package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
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

	/** A contact as stored, with when and by whom it was recorded. */
	public record Recorded(String id, String customerId, String billId, LocalDateTime contactedAt, int round,
			ContactMethod method, boolean reached, String response, LocalDateTime recordedAt, String recordedBy) {
	}

	public record Contact(String customerId, String billId, LocalDateTime contactedAt, int round, ContactMethod method,
			boolean reached, String response) {
	}

	/**
	 * @return the stored contact
	 * @throws IllegalArgumentException for a round outside 1..4, a time in the future, an unknown customer or a bill
	 *                                  that is not the customer's
	 */
	public Recorded record(Contact contact, String recordedBy) {
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
		var stored = records.getFirst().get("contact");
		return new Recorded(stored.get("id").asString(), stored.get("customerId").asString(),
				stored.get("billId").isNull() ? null : stored.get("billId").asString(), stored.get("contactedAt").asLocalDateTime(),
				stored.get("round").asInt(), ContactMethod.valueOf(stored.get("method").asString()), stored.get("reached").asBoolean(),
				stored.get("response").asString(), stored.get("recordedAt").asLocalDateTime(), stored.get("recordedBy").asString());
	}

}
