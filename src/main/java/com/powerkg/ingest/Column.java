package com.powerkg.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One column of a contract file: its name, how to read a cell, and whether it may be empty.
 *
 * @param name         exact lower-case header name
 * @param type         how the text is read
 * @param required     an empty cell is rejected
 * @param allowed      the enum values, for {@link Type#ENUM}
 * @param defaultValue used when the cell is empty and the column is optional (e.g. {@code NONE})
 */
public record Column(String name, Type type, boolean required, List<String> allowed, String defaultValue) {

	public enum Type {

		STRING, ENUM, DATE, TIMESTAMP, MONTH, DECIMAL, NON_NEGATIVE_DECIMAL, POSITIVE_DECIMAL, MONEY,
		POSITIVE_MONEY, INTEGER, NON_NEGATIVE_INTEGER, ROUND, BOOLEAN, ZERO_ONE

	}

	static Column required(String name, Type type) {
		return new Column(name, type, true, List.of(), null);
	}

	static Column optional(String name, Type type) {
		return new Column(name, type, false, List.of(), null);
	}

	static Column requiredEnum(String name, List<String> allowed) {
		return new Column(name, Type.ENUM, true, allowed, null);
	}

	static Column optionalEnum(String name, List<String> allowed, String defaultValue) {
		return new Column(name, Type.ENUM, false, allowed, defaultValue);
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
			case DECIMAL -> decimal(text, Integer.MAX_VALUE).doubleValue();
			case NON_NEGATIVE_DECIMAL -> atLeast(decimal(text, Integer.MAX_VALUE), text, false).doubleValue();
			case POSITIVE_DECIMAL -> atLeast(decimal(text, Integer.MAX_VALUE), text, true).doubleValue();
			case MONEY -> decimal(text, 2).doubleValue();
			case POSITIVE_MONEY -> atLeast(decimal(text, 2), text, true).doubleValue();
			case INTEGER -> integer(text);
			case NON_NEGATIVE_INTEGER -> {
				long value = integer(text);
				if (value < 0) {
					throw new InvalidCell("'" + text + "' must not be negative");
				}
				yield value;
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
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCell("'" + text + "' is not a number");
		}
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

	private static long integer(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCell("'" + text + "' is not a whole number");
		}
	}

	/** A cell that breaks the contract; the message completes "column X ..." */
	static final class InvalidCell extends RuntimeException {

		InvalidCell(String reason) {
			super(reason, null, false, false);
		}

	}

}
