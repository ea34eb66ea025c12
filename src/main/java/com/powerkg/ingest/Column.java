package com.powerkg.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One column of a contract file: its name, how to read a cell, whether it may be empty, and its limits.
 *
 * @param name         exact lower-case header name
 * @param type         how the text is read
 * @param required     an empty cell is rejected
 * @param allowed      the enum values, for {@link Type#ENUM}
 * @param defaultValue used when the cell is empty and the column is optional (e.g. {@code NONE})
 * @param maxLength    longest text accepted, in characters (docs/import.md lists them per column)
 * @param min          smallest number accepted (numeric types); null = the type's own bound only
 * @param max          largest number accepted (numeric types)
 */
public record Column(String name, Type type, boolean required, List<String> allowed, String defaultValue, int maxLength,
		BigDecimal min, BigDecimal max) {

	public enum Type {

		STRING, ENUM, DATE, TIMESTAMP, MONTH, DECIMAL, NON_NEGATIVE_DECIMAL, POSITIVE_DECIMAL, MONEY,
		POSITIVE_MONEY, INTEGER, NON_NEGATIVE_INTEGER, ROUND, BOOLEAN, ZERO_ONE

	}

	/** Texts (ids, codes) are at most this long unless a column says otherwise. */
	static final int DEFAULT_MAX_LENGTH = 64;

	/** Numbers are at most this large in absolute value unless a column says otherwise. */
	static final BigDecimal DEFAULT_LIMIT = new BigDecimal("1e12");

	/**
	 * The contract's number grammar: an optional minus, digits, optionally a point and digits. No exponent (1e3), no
	 * plus sign, no thousands separator, no leading or trailing point.
	 */
	private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

	private static final java.util.regex.Pattern PLAIN_INTEGER = java.util.regex.Pattern.compile("-?[0-9]{1,15}");

	static Column required(String name, Type type) {
		return new Column(name, type, true, List.of(), null, DEFAULT_MAX_LENGTH, null, null);
	}

	static Column optional(String name, Type type) {
		return new Column(name, type, false, List.of(), null, DEFAULT_MAX_LENGTH, null, null);
	}

	static Column requiredEnum(String name, List<String> allowed) {
		return new Column(name, Type.ENUM, true, allowed, null, DEFAULT_MAX_LENGTH, null, null);
	}

	static Column optionalEnum(String name, List<String> allowed, String defaultValue) {
		return new Column(name, Type.ENUM, false, allowed, defaultValue, DEFAULT_MAX_LENGTH, null, null);
	}

	/** The same column with another longest text. */
	Column maxLength(int characters) {
		return new Column(this.name, this.type, this.required, this.allowed, this.defaultValue, characters, this.min, this.max);
	}

	/** The same column accepting only numbers from {@code min} to {@code max} (inclusive). */
	Column range(String min, String max) {
		return new Column(this.name, this.type, this.required, this.allowed, this.defaultValue, this.maxLength,
				new BigDecimal(min), new BigDecimal(max));
	}

	/** The smallest and largest number accepted, as documented (null for a text column). */
	BigDecimal lowest() {
		return switch (this.type) {
			case DECIMAL, MONEY, INTEGER -> (this.min != null) ? this.min : DEFAULT_LIMIT.negate();
			case NON_NEGATIVE_DECIMAL, NON_NEGATIVE_INTEGER -> (this.min != null) ? this.min : BigDecimal.ZERO;
			case POSITIVE_DECIMAL, POSITIVE_MONEY -> this.min; // "greater than 0" is checked on its own
			default -> null;
		};
	}

	BigDecimal highest() {
		return switch (this.type) {
			case DECIMAL, NON_NEGATIVE_DECIMAL, POSITIVE_DECIMAL, MONEY, POSITIVE_MONEY, INTEGER, NON_NEGATIVE_INTEGER ->
				(this.max != null) ? this.max : DEFAULT_LIMIT;
			default -> null;
		};
	}

	/**
	 * Reads one cell.
	 * @return the typed value (String, LocalDate, LocalDateTime, Double, Long, Boolean) or {@code null} when
	 * empty and optional
	 * @throws InvalidCell with a reason a data steward can act on
	 */
	Object read(String raw) {
		String text = (raw == null) ? "" : raw.strip();
		if (text.isEmpty()) {
			if (this.required) {
				throw new InvalidCell("is required but empty");
			}
			return this.defaultValue;
		}
		if (text.length() > this.maxLength) {
			throw new InvalidCell("is " + text.length() + " characters long; at most " + this.maxLength + " are allowed");
		}
		return switch (this.type) {
			case STRING -> text;
			case ENUM -> {
				if (!this.allowed.contains(text)) {
					throw new InvalidCell("'" + text + "' is not one of " + String.join(", ", this.allowed));
				}
				yield text;
			}
			case DATE -> parse(text, "an ISO date (2026-06-30)", () -> LocalDate.parse(text));
			case TIMESTAMP -> parse(text, "an ISO local date-time (2026-06-30T14:05:00)", () -> LocalDateTime.parse(text));
			case MONTH -> parse(text, "a month YYYY-MM", () -> YearMonth.parse(text).toString());
			case DECIMAL -> inRange(decimal(text, Integer.MAX_VALUE), text).doubleValue();
			case NON_NEGATIVE_DECIMAL -> inRange(atLeast(decimal(text, Integer.MAX_VALUE), text, false), text).doubleValue();
			case POSITIVE_DECIMAL -> inRange(atLeast(decimal(text, Integer.MAX_VALUE), text, true), text).doubleValue();
			case MONEY -> inRange(decimal(text, 2), text).doubleValue();
			case POSITIVE_MONEY -> inRange(atLeast(decimal(text, 2), text, true), text).doubleValue();
			case INTEGER -> inRange(BigDecimal.valueOf(integer(text)), text).longValue();
			case NON_NEGATIVE_INTEGER -> {
				long value = integer(text);
				if (value < 0) {
					throw new InvalidCell("'" + text + "' must not be negative");
				}
				yield inRange(BigDecimal.valueOf(value), text).longValue();
			}
			case ROUND -> {
				long value = integer(text);
				if (value < 1 || value > 4) {
					throw new InvalidCell("'" + text + "' is not a dunning round 1..4");
				}
				yield value;
			}
			case BOOLEAN -> switch (text.toLowerCase()) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> throw new InvalidCell("'" + text + "' is not true or false");
			};
			case ZERO_ONE -> switch (text) {
				case "0" -> Boolean.FALSE;
				case "1" -> Boolean.TRUE;
				default -> throw new InvalidCell("'" + text + "' is not 0 or 1");
			};
		};
	}

	private static <T> T parse(String text, String expected, java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCell("'" + text + "' is not " + expected);
		}
	}

	private static BigDecimal decimal(String text, int maxScale) {
		if (!PLAIN_DECIMAL.matcher(text).matches()) {
			throw new InvalidCell("'" + text + "' is not a plain decimal number (digits with an optional minus and point, "
					+ "e.g. 1234.5; no exponent, sign or separators)");
		}
		BigDecimal value = new BigDecimal(text);
		if (value.stripTrailingZeros().scale() > maxScale) {
			throw new InvalidCell("'" + text + "' has more than " + maxScale + " decimals (money is in yuan, e.g. 12.34)");
		}
		return value;
	}

	private static BigDecimal atLeast(BigDecimal value, String text, boolean strictlyPositive) {
		int sign = value.signum();
		if (sign < 0 || (strictlyPositive && sign == 0)) {
			throw new InvalidCell("'" + text + "' must be " + (strictlyPositive ? "greater than 0" : "0 or more"));
		}
		return value;
	}

	private BigDecimal inRange(BigDecimal value, String text) {
		BigDecimal low = lowest();
		BigDecimal high = highest();
		if ((low != null && value.compareTo(low) < 0) || (high != null && value.compareTo(high) > 0)) {
			throw new InvalidCell("'" + text + "' is outside the accepted range " + (low == null ? "above 0" : low.toPlainString())
					+ " to " + high.toPlainString());
		}
		return value;
	}

	private static long integer(String text) {
		if (!PLAIN_INTEGER.matcher(text).matches()) {
			throw new InvalidCell("'" + text + "' is not a whole number");
		}
		return Long.parseLong(text);
	}

	/** A cell that breaks the contract; the message completes "column X ..." */
	static final class InvalidCell extends RuntimeException {

		InvalidCell(String reason) {
			super(reason, null, false, false);
		}

	}

}
