package com.powerkg.portrait;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

		private static final Logger log = LoggerFactory.getLogger(CustomerProfile.class);

		/** Properties already logged: one line per property, not per request. */
		private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

		String text(String key) {
			return read(key, String.class, v -> (v instanceof Number || v instanceof Boolean || v instanceof TemporalAccessor)
					? String.valueOf(v) : null);
		}

		Double number(String key) {
			return read(key, Double.class, v -> switch (v) {
				case Number n -> n.doubleValue();
				case String s -> parsed(() -> Double.valueOf(s.strip()));
				default -> null;
			});
		}

		Long count(String key) {
			return read(key, Long.class, v -> switch (v) {
				case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> n.longValue();
				case String s when s.strip().matches("-?\\d{1,18}") -> Long.valueOf(s.strip());
				default -> null;
			});
		}

		Boolean flag(String key) {
			return read(key, Boolean.class, v -> (v instanceof String s
					&& (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) ? Boolean.valueOf(s.strip()) : null);
		}

		LocalDate date(String key) {
			return read(key, LocalDate.class, v -> switch (v) {
				case LocalDateTime t -> t.toLocalDate();
				case ZonedDateTime t -> t.toLocalDate();
				case String s -> parsed(() -> LocalDate.parse(s.strip()));
				default -> null;
			});
		}

		/** The value when it has the contract's type; else converted (null: cannot be) and logged. */
		private <T> T read(String key, Class<T> type, Function<Object, T> convert) {
			Object v = this.node.get(key);
			if (v == null || type.isInstance(v)) {
				return type.cast(v);
			}
			return unexpected(key, v, convert.apply(v));
		}

		/** A parse of a text, null when the text does not parse. */
		private static <T> T parsed(Supplier<T> parse) {
			try {
				return parse.get();
			}
			catch (NumberFormatException | DateTimeParseException ex) {
				return null;
			}
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
