package com.powerkg.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads one contract file as RFC 4180 CSV: UTF-8 with an optional byte-order mark, CRLF or LF line ends, a header
 * row, double-quoted cells that may contain commas, doubled quotes and (up to {@link #MAX_RECORD_LINES} lines) line
 * breaks.
 * <p>
 * A record whose structure is broken (a quote that never closes, text after a closing quote, a record too long)
 * comes back as a {@link RawRecord#malformed() malformed} record naming the line it starts on, and reading goes on
 * at the <em>next line</em>: the lines such a record swallowed are read again as records of their own, so one stray
 * quote costs one row, never the rest of the file. What would make the whole file unusable (binary content, text that
 * is not UTF-8, a missing required column, broken structure on too many lines) is found by {@link FileScan} and the
 * header check before anything of the file is written.
 */
final class ContractCsvReader implements AutoCloseable, Iterable<ContractCsvReader.RawRecord> {

	/** A quoted cell may run over at most this many lines; a quote open for longer is taken as never closing. */
	static final int MAX_RECORD_LINES = 10;

	/** Characters of one record (all its lines); a longer record is malformed. */
	static final int MAX_RECORD_CHARS = 64 * 1024;

	/** Marks text that was not valid UTF-8; rows containing it are rejected (the file scan refuses such files first). */
	static final char REPLACEMENT = '\uFFFD';

	private final ContractFile file;

	private final Records records;

	private final Map<String, Integer> header;

	private final List<String> unknownColumns;

	private final CountingInputStream bytes;

	private ContractCsvReader(ContractFile file, Records records, Map<String, Integer> header, List<String> unknownColumns,
			CountingInputStream bytes) {
		this.file = file;
		this.records = records;
		this.header = header;
		this.unknownColumns = unknownColumns;
		this.bytes = bytes;
	}

	/** Bytes of the file read so far (a little ahead of the records handed out: the reader buffers). */
	long bytesRead() {
		return this.bytes.count;
	}

	/** Counts what passes through, for the progress of a file. */
	private static final class CountingInputStream extends FilterInputStream {

		volatile long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

	/**
	 * A record and the physical line it starts on. {@code malformed} is null for a record that could be read, else the
	 * reason its structure is broken (and {@code values} is empty).
	 */
	record RawRecord(long line, List<String> values, String malformed) {

		boolean isMalformed() {
			return this.malformed != null;
		}

	}

	static ContractCsvReader open(ContractFile file, Path path) throws IOException {
		var counting = new CountingInputStream(Files.newInputStream(path));
		BufferedReader reader = new BufferedReader(new InputStreamReader(counting,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
		var records = new Records(reader);
		try {
			RawRecord headerRecord = records.next();
			if (headerRecord == null) {
				throw new ImportFailedException(file.fileName() + " is empty: it needs at least the header row");
			}
			if (headerRecord.isMalformed()) {
				throw new ImportFailedException(file.fileName() + ":" + headerRecord.line() + ": the header row is not valid CSV ("
						+ headerRecord.malformed() + ")");
			}
			Map<String, Integer> header = new HashMap<>();
			List<String> unknown = new ArrayList<>();
			List<String> names = headerRecord.values();
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i).strip();
				if (header.putIfAbsent(name, i) != null) {
					throw new ImportFailedException(file.fileName() + ":1: column '" + name + "' appears twice in the header");
				}
				String known = name;
				if (file.columns().stream().noneMatch(c -> c.name().equals(known))) {
					unknown.add(name);
				}
			}
			List<String> missing = file.columns()
				.stream()
				.filter(Column::required)
				.map(Column::name)
				.filter(name -> !header.containsKey(name))
				.toList();
			if (!missing.isEmpty()) {
				throw new ImportFailedException(file.fileName() + ":1: required column" + (missing.size() > 1 ? "s " : " ")
						+ String.join(", ", missing) + " missing from the header (columns are exact lower-case names, "
						+ "see DATA-CONTRACT.md)");
			}
			return new ContractCsvReader(file, records, Collections.unmodifiableMap(header), List.copyOf(unknown), counting);
		}
		catch (RuntimeException | IOException ex) {
			reader.close();
			throw ex;
		}
	}

	Map<String, Integer> header() {
		return this.header;
	}

	List<String> unknownColumns() {
		return this.unknownColumns;
	}

	/** Physical lines read so far (the header, blank lines and every line of every record). */
	long linesRead() {
		return this.records.lines;
	}

	/** Blank lines skipped so far (they are not records). */
	long blankLines() {
		return this.records.blank;
	}

	@Override
	public Iterator<RawRecord> iterator() {
		return new Iterator<>() {

			private RawRecord next;

			@Override
			public boolean hasNext() {
				if (this.next == null) {
					try {
						this.next = ContractCsvReader.this.records.next();
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot read " + ContractCsvReader.this.file.fileName(), ex);
					}
				}
				return this.next != null;
			}

			@Override
			public RawRecord next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				RawRecord record = this.next;
				this.next = null;
				return record;
			}
		};
	}

	@Override
	public void close() throws IOException {
		this.records.reader.close();
	}

	/**
	 * The record parser. It reads physical lines and keeps those of the record being parsed, so that after a
	 * malformed record it can go back to the line after the record's first one.
	 */
	static final class Records {

		private final BufferedReader reader;

		/** Lines to read again: those a malformed record had swallowed. */
		private final Deque<Line> pending = new ArrayDeque<>();

		private long lineNumber;

		private long lines;

		private long blank;

		private record Line(long number, String text) {
		}

		Records(BufferedReader reader) {
			this.reader = reader;
		}

		private Line nextLine() throws IOException {
			if (!this.pending.isEmpty()) {
				return this.pending.removeFirst();
			}
			String text = this.reader.readLine();
			if (text == null) {
				return null;
			}
			if (this.lines == 0 && text.startsWith("\uFEFF")) {
				text = text.substring(1); // a UTF-8 byte-order mark
			}
			this.lines++;
			return new Line(++this.lineNumber, text);
		}

		/** The next record, or null at the end of the file; blank lines are skipped. */
		RawRecord next() throws IOException {
			Line first;
			do {
				first = nextLine();
				if (first == null) {
					return null;
				}
				if (first.text().isEmpty()) {
					this.blank++;
				}
			}
			while (first.text().isEmpty());
			List<Line> consumed = new ArrayList<>(1);
			consumed.add(first);
			List<String> values = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			String text = first.text();
			int chars = text.length();
			int i = 0;
			boolean quoted = false;
			boolean afterQuote = false;
			boolean cellStart = true;
			while (true) {
				if (i == text.length()) {
					if (!quoted) {
						values.add(cell.toString());
						return new RawRecord(first.number(), values, null);
					}
					// the quoted cell goes on on the next line
					Line more = (consumed.size() < MAX_RECORD_LINES) ? nextLine() : null;
					if (more == null) {
						return malformed(first, consumed, consumed.size() < MAX_RECORD_LINES
								? "a quote opened on line " + first.number() + " never closes"
								: "a quote opened on line " + first.number() + " is still open after " + MAX_RECORD_LINES + " lines");
					}
					consumed.add(more);
					chars += more.text().length() + 1;
					if (chars > MAX_RECORD_CHARS) {
						return malformed(first, consumed, "the record is longer than " + MAX_RECORD_CHARS + " characters");
					}
					cell.append('\n');
					text = more.text();
					i = 0;
					continue;
				}
				char ch = text.charAt(i++);
				if (quoted) {
					if (ch == '"') {
						if (i < text.length() && text.charAt(i) == '"') {
							cell.append('"');
							i++;
						}
						else {
							quoted = false;
							afterQuote = true;
						}
					}
					else {
						cell.append(ch);
					}
					continue;
				}
				if (ch == ',') {
					values.add(cell.toString());
					cell.setLength(0);
					cellStart = true;
					afterQuote = false;
					continue;
				}
				if (afterQuote) {
					return malformed(first, consumed, "'" + ch + "' after the closing quote of cell " + (values.size() + 1)
							+ " (a quoted cell must end at a comma or the end of the line)");
				}
				if (ch == '"' && cellStart) {
					quoted = true;
					cellStart = false;
					continue;
				}
				cellStart = false;
				cell.append(ch);
				if (cell.length() > MAX_RECORD_CHARS) {
					return malformed(first, consumed, "the record is longer than " + MAX_RECORD_CHARS + " characters");
				}
			}
		}

		/** Goes back to the line after the broken record's first line: what it swallowed is read again. */
		private RawRecord malformed(Line first, List<Line> consumed, String reason) {
			for (int k = consumed.size() - 1; k >= 1; k--) {
				this.pending.addFirst(consumed.get(k));
			}
			return new RawRecord(first.number(), List.of(), reason);
		}

	}

}
