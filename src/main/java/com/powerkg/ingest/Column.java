package com.powerkg.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

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
			case DATE -> parse(text, "an ISO date (2026-06-30)", () -> FastTime.date(text));
			case TIMESTAMP -> parse(text, "an ISO local date-time (2026-06-30T14:05:00)", () -> FastTime.dateTime(text));
			case MONTH -> parse(text, "a month YYYY-MM", () -> FastTime.month(text));
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

	private static <T> T parse(String text, String expected, Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (DateTimeException ex) {
			throw new InvalidCell("'" + text + "' is not " + expected);
		}
	}

	/**
	 * The common ISO forms read digit by digit (millions of cells per file: java.time's parser is several times slower);
	 * anything else goes to java.time, which accepts or refuses it as before.
	 */
	static final class FastTime {

		private FastTime() {
		}

		static LocalDate date(String text) {
			if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
				int y = digits(text, 0, 4);
				int m = digits(text, 5, 7);
				int d = digits(text, 8, 10);
				if (y >= 0 && m >= 0 && d >= 0) {
					return LocalDate.of(y, m, d);
				}
			}
			return LocalDate.parse(text);
		}

		static LocalDateTime dateTime(String text) {
			if (text.length() == 19 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
				int h = digits(text, 11, 13);
				int min = digits(text, 14, 16);
				int sec = digits(text, 17, 19);
				if (h >= 0 && min >= 0 && sec >= 0) {
					return LocalDateTime.of(date(text.substring(0, 10)), LocalTime.of(h, min, sec));
				}
			}
			return LocalDateTime.parse(text);
		}

		static String month(String text) {
			if (text.length() == 7 && text.charAt(4) == '-') {
				int y = digits(text, 0, 4);
				int m = digits(text, 5, 7);
				if (y >= 0 && m >= 1 && m <= 12) {
					return text;
				}
			}
			return YearMonth.parse(text).toString();
		}

		/** The number written by the characters from..to, or -1 if one is not a digit. */
		private static int digits(String text, int from, int to) {
			int value = 0;
			for (int i = from; i < to; i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				value = value * 10 + (c - '0');
			}
			return value;
		}

	}

	private static BigDecimal decimal(String text, int maxScale) {
		int scale = plainDecimalScale(text);
		if (scale < 0) {
			throw new InvalidCell("'" + text + "' is not a plain decimal number (digits with an optional minus and point, "
					+ "e.g. 1234.5; no exponent, sign or separators)");
		}
		if (scale > maxScale) {
			throw new InvalidCell("'" + text + "' has more than " + maxScale + " decimals (money is in yuan, e.g. 12.34)");
		}
		return new BigDecimal(text);
	}

	/**
	 * The contract's number grammar, by hand (a regular expression was a good part of the import's CPU): an optional
	 * minus, 1-15 digits, optionally a point and 1-15 digits.
	 * @return the decimals that count (trailing zeros do not), or -1 when the text is not such a number
	 */
	static int plainDecimalScale(String text) {
		int i = (text.startsWith("-")) ? 1 : 0;
		int integerDigits = 0;
		while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
			i++;
			integerDigits++;
		}
		if (integerDigits < 1 || integerDigits > 15) {
			return -1;
		}
		if (i == text.length()) {
			return 0;
		}
		if (text.charAt(i) != '.') {
			return -1;
		}
		int start = ++i;
		int lastNonZero = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			if (c != '0') {
				lastNonZero = i - start + 1;
			}
			i++;
		}
		int decimals = i - start;
		return (decimals < 1 || decimals > 15) ? -1 : lastNonZero;
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
		if (plainDecimalScale(text) != 0 || text.indexOf('.') >= 0) {
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
