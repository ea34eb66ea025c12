package com.powerkg.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * A customer's master data as stored on the {@code :Customer} node. Personal fields hold the raw values; the
 * controller masks them on the way out.
 */
public record CustomerProfile(String id, String name, String phone, String usageCategory, String industryCode,
		Double voltageKv, Double contractCapacityKva, String importance, String paymentMode, String region,
		LocalDate openedOn, String socialCredit, EnterpriseFinancials financials) {

	public record EnterpriseFinancials(Double assetLiabilityRatio, Double currentRatio, Double returnOnNetAssets,
			Double loanOnTimeRate, Boolean reactiveCompensation, Boolean calibrationOnSchedule,
			Long equipmentAccidents) {

		boolean isEmpty() {
			return this.assetLiabilityRatio == null && this.currentRatio == null && this.returnOnNetAssets == null
					&& this.loanOnTimeRate == null && this.reactiveCompensation == null
					&& this.calibrationOnSchedule == null && this.equipmentAccidents == null;
		}

	}

	/**
	 * The profile from the node's properties. The import writes each property in its contract type, but a hand edit in
	 * Browser or a steward's script may not ({@code SET c.voltageKv = 10} stores an integer): such a value is read as the
	 * contract type where that is unambiguous, else served as absent, and logged once per property, so one edited
	 * customer never fails a portrait or a page of customers.
	 */
	static CustomerProfile fromNode(Map<String, Object> c) {
		var p = new Properties(c);
		var financials = new EnterpriseFinancials(p.number("assetLiabilityRatio"), p.number("currentRatio"),
				p.number("returnOnNetAssets"), p.number("loanOnTimeRate"), p.flag("reactiveCompensation"),
				p.flag("calibrationOnSchedule"), p.count("equipmentAccidents"));
		return new CustomerProfile(p.text("id"), p.text("name"), p.text("phone"), p.text("usageCategory"),
				p.text("industryCode"), p.number("voltageKv"), p.number("contractCapacityKva"), p.text("importance"),
				p.text("paymentMode"), p.text("region"), p.date("openedOn"), p.text("socialCredit"),
				financials.isEmpty() ? null : financials);
	}

	/** A customer node's properties read as the contract's types (see {@link #fromNode}). */
	private record Properties(Map<String, Object> node) {

		private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CustomerProfile.class);

		/** Properties already logged: one line per property, not per request. */
		private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

		String text(String key) {
			Object v = this.node.get(key);
			if (v == null || v instanceof String) {
				return (String) v;
			}
			if (v instanceof Number || v instanceof Boolean || v instanceof java.time.temporal.TemporalAccessor) {
				return unexpected(key, v, String.valueOf(v));
			}
			return unexpected(key, v, null);
		}

		Double number(String key) {
			Object v = this.node.get(key);
			if (v == null || v instanceof Double) {
				return (Double) v;
			}
			if (v instanceof Number n) {
				return unexpected(key, v, n.doubleValue());
			}
			if (v instanceof String s) {
				try {
					return unexpected(key, v, Double.valueOf(s.strip()));
				}
				catch (NumberFormatException ex) {
					// not a number: absent
				}
			}
			return unexpected(key, v, null);
		}

		Long count(String key) {
			Object v = this.node.get(key);
			if (v == null || v instanceof Long) {
				return (Long) v;
			}
			if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
				return unexpected(key, v, n.longValue());
			}
			if (v instanceof String s && s.strip().matches("-?\\d{1,18}")) {
				return unexpected(key, v, Long.valueOf(s.strip()));
			}
			return unexpected(key, v, null);
		}

		Boolean flag(String key) {
			Object v = this.node.get(key);
			if (v == null || v instanceof Boolean) {
				return (Boolean) v;
			}
			if (v instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
				return unexpected(key, v, Boolean.valueOf(s.strip()));
			}
			return unexpected(key, v, null);
		}

		LocalDate date(String key) {
			Object v = this.node.get(key);
			if (v == null || v instanceof LocalDate) {
				return (LocalDate) v;
			}
			if (v instanceof java.time.LocalDateTime t) {
				return unexpected(key, v, t.toLocalDate());
			}
			if (v instanceof java.time.ZonedDateTime t) {
				return unexpected(key, v, t.toLocalDate());
			}
			if (v instanceof String s) {
				try {
					return unexpected(key, v, LocalDate.parse(s.strip()));
				}
				catch (java.time.format.DateTimeParseException ex) {
					// not an ISO date: absent
				}
			}
			return unexpected(key, v, null);
		}

		private <T> T unexpected(String key, Object value, T served) {
			if (LOGGED.add(key)) {
				// the value itself is not logged: it may be personal data (a phone stored as a number)
				log.warn("Customer {}: property {} holds a {}, not the type the import writes; served {} (logged once per "
						+ "property; fix the node, e.g. re-import the customer)", this.node.get("id"), key,
						value.getClass().getSimpleName(), served == null ? "as absent" : "converted");
			}
			return served;
		}

	}

}
