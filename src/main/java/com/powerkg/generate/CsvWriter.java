package com.powerkg.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends RFC 4180 rows to one UTF-8 file (no BOM, {@code \n} line ends) through a large byte buffer.
 * Numbers, dates and timestamps are formatted by hand: {@code String.format} and {@code DecimalFormat}
 * dominate the run time at a million customers and depend on the default locale.
 *
 * <p>A row is built field by field; {@link #endRow()} checks the field count against the header so a
 * programming error cannot silently shift columns.
 */
final class CsvWriter implements Closeable {

	private static final int BUFFER_BYTES = 1 << 20;

	private final String fileName;
	private final OutputStream out;
	private final byte[] buffer = new byte[BUFFER_BYTES];
	private final int columns;
	private int position;
	private int fieldsInRow;
	private long rows;

	CsvWriter(Path file, List<String> header) throws IOException {
		this.fileName = file.getFileName().toString();
		this.columns = header.size();
		this.out = Files.newOutputStream(file);
		for (String column : header) {
			text(column);
		}
		endRow();
		rows = 0;
	}

	String fileName() {
		return fileName;
	}

	/** Data rows written so far, header excluded. */
	long rows() {
		return rows;
	}

	/** Starts a field whose content is then appended with the {@code append*} methods. */
	CsvWriter field() throws IOException {
		ensure(1);
		if (fieldsInRow > 0) {
			buffer[position++] = ',';
		}
		fieldsInRow++;
		return this;
	}

	CsvWriter text(String value) throws IOException {
		field();
		if (value == null || value.isEmpty()) {
			return this;
		}
		if (needsQuotes(value)) {
			appendQuoted(value);
		} else {
			appendText(value);
		}
		return this;
	}

	CsvWriter blank() throws IOException {
		return field();
	}

	CsvWriter integer(long value) throws IOException {
		return field().appendLong(value);
	}

	/** {@code scaled / 10^decimals} with exactly {@code decimals} digits: cents as yuan, 0.01 kWh as kWh. */
	CsvWriter decimal(long scaled, int decimals) throws IOException {
		field();
		appendDecimal(scaled, decimals, false);
		return this;
	}

	/** Like {@link #decimal} without trailing zeros: voltage 0.22, 10; capacity 8, 12.5. */
	CsvWriter decimalTrimmed(long scaled, int decimals) throws IOException {
		field();
		appendDecimal(scaled, decimals, true);
		return this;
	}

	CsvWriter bool(boolean value) throws IOException {
		return field().appendAscii(value ? "true" : "false");
	}

	/** ISO date {@code yyyy-MM-dd}. */
	CsvWriter date(long epochDay) throws IOException {
		field();
		appendDate(epochDay);
		return this;
	}

	/** ISO local date-time {@code yyyy-MM-ddTHH:mm:ss}; the argument counts seconds from 1970-01-01T00:00 local. */
	CsvWriter timestamp(long epochSecond) throws IOException {
		field();
		long day = Math.floorDiv(epochSecond, PeriodCalendar.SECONDS_PER_DAY);
		int secondOfDay = (int) (epochSecond - day * PeriodCalendar.SECONDS_PER_DAY);
		appendDate(day);
		ensure(9);
		buffer[position++] = 'T';
		twoDigits(secondOfDay / 3600);
		buffer[position++] = ':';
		twoDigits(secondOfDay / 60 % 60);
		buffer[position++] = ':';
		twoDigits(secondOfDay % 60);
		return this;
	}

	/** Appends ASCII that needs no quoting (ids, codes) to the current field. */
	CsvWriter appendAscii(String value) throws IOException {
		int n = value.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			buffer[position++] = (byte) value.charAt(i);
		}
		return this;
	}

	/** Appends a non-negative number left-padded with zeros to {@code width} digits (more if needed). */
	CsvWriter appendPadded(long value, int width) throws IOException {
		int digits = digits(value);
		ensure(Math.max(width, digits));
		for (int i = digits; i < width; i++) {
			buffer[position++] = '0';
		}
		writeDigits(value, digits);
		return this;
	}

	CsvWriter appendLong(long value) throws IOException {
		ensure(20);
		if (value < 0) {
			if (value == Long.MIN_VALUE) {
				return appendAscii(Long.toString(value));
			}
			buffer[position++] = '-';
			value = -value;
		}
		writeDigits(value, digits(value));
		return this;
	}

	void endRow() throws IOException {
		if (fieldsInRow != columns) {
			throw new IllegalStateException(fileName + ": row " + (rows + 1) + " has " + fieldsInRow
					+ " fields but the header has " + columns);
		}
		ensure(1);
		buffer[position++] = '\n';
		fieldsInRow = 0;
		rows++;
	}

	@Override
	public void close() throws IOException {
		try (out) {
			flushBuffer();
		}
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		// Leading/trailing blanks survive only when quoted in many readers.
		return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
	}

	private void appendQuoted(String value) throws IOException {
		ensure(1);
		buffer[position++] = '"';
		int start = 0;
		int quote;
		while ((quote = value.indexOf('"', start)) >= 0) {
			appendText(value.substring(start, quote + 1));
			ensure(1);
			buffer[position++] = '"';
			start = quote + 1;
		}
		appendText(value.substring(start));
		ensure(1);
		buffer[position++] = '"';
	}

	/** UTF-8 encoding by hand: names are the only non-ASCII text and this avoids a byte[] per field. */
	private void appendText(String value) throws IOException {
		int n = value.length();
		ensure(n * 3 + 1);
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				buffer[position++] = (byte) c;
			} else if (c < 0x800) {
				buffer[position++] = (byte) (0xC0 | (c >> 6));
				buffer[position++] = (byte) (0x80 | (c & 0x3F));
			} else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				buffer[position++] = (byte) (0xF0 | (cp >> 18));
				buffer[position++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				buffer[position++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				buffer[position++] = (byte) (0x80 | (cp & 0x3F));
			} else if (Character.isSurrogate(c)) {
				buffer[position++] = '?';
			} else {
				buffer[position++] = (byte) (0xE0 | (c >> 12));
				buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				buffer[position++] = (byte) (0x80 | (c & 0x3F));
			}
		}
	}

	private void appendDecimal(long scaled, int decimals, boolean trim) throws IOException {
		ensure(22);
		if (scaled < 0) {
			buffer[position++] = '-';
			scaled = -scaled;
		}
		long unit = 1;
		for (int i = 0; i < decimals; i++) {
			unit *= 10;
		}
		long whole = scaled / unit;
		long fraction = scaled % unit;
		writeDigits(whole, digits(whole));
		int shown = decimals;
		if (trim) {
			while (shown > 0 && fraction % 10 == 0) {
				fraction /= 10;
				shown--;
			}
		}
		if (shown > 0) {
			buffer[position++] = '.';
			int digits = digits(fraction);
			for (int i = digits; i < shown; i++) {
				buffer[position++] = '0';
			}
			writeDigits(fraction, digits);
		}
	}

	/** Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar like {@code LocalDate}. */
	private void appendDate(long epochDay) throws IOException {
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long mp = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
		int month = (int) (mp < 10 ? mp + 3 : mp - 9);
		long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
		if (year < 0 || year > 9999) {
			throw new IllegalArgumentException("year " + year + " is outside 0000-9999");
		}
		ensure(10);
		int y = (int) year;
		buffer[position++] = (byte) ('0' + y / 1000);
		buffer[position++] = (byte) ('0' + y / 100 % 10);
		buffer[position++] = (byte) ('0' + y / 10 % 10);
		buffer[position++] = (byte) ('0' + y % 10);
		buffer[position++] = '-';
		twoDigits(month);
		buffer[position++] = '-';
		twoDigits(day);
	}

	private void twoDigits(int value) {
		buffer[position++] = (byte) ('0' + value / 10);
		buffer[position++] = (byte) ('0' + value % 10);
	}

	private static int digits(long value) {
		int digits = 1;
		while (value >= 10) {
			value /= 10;
			digits++;
		}
		return digits;
	}

	private void writeDigits(long value, int digits) {
		int end = position + digits;
		for (int i = end - 1; i >= position; i--) {
			buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		position = end;
	}

	private void ensure(int bytes) throws IOException {
		if (position + bytes > buffer.length) {
			flushBuffer();
			if (bytes > buffer.length) {
				throw new IllegalArgumentException(fileName + ": a single field of " + bytes + " bytes exceeds the buffer");
			}
		}
	}

	private void flushBuffer() throws IOException {
		if (position > 0) {
			out.write(buffer, 0, position);
			position = 0;
		}
	}
}
