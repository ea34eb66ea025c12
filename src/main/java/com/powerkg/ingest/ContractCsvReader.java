package com.powerkg.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one contract file as RFC 4180 CSV: UTF-8 with an optional byte-order mark, CRLF or LF line ends, a
 * header row. Checks up front what would make the whole file unusable (binary content, not UTF-8, a missing
 * required column) so that such a file fails before anything is written.
 */
final class ContractCsvReader implements AutoCloseable, Iterable<ContractCsvReader.RawRecord> {

	private static final int SNIFF_BYTES = 64 * 1024;

	/** Marks text that was not valid UTF-8; rows containing it are rejected. */
	static final char REPLACEMENT = '\uFFFD';

	private final ContractFile file;

	private final CSVParser parser;

	private final Map<String, Integer> header;

	private final List<String> unknownColumns;

	private ContractCsvReader(ContractFile file, CSVParser parser, Map<String, Integer> header,
			List<String> unknownColumns) {
		this.file = file;
		this.parser = parser;
		this.header = header;
		this.unknownColumns = unknownColumns;
	}

	/**
	 * A record and the physical line it starts on.
	 */
	record RawRecord(long line, List<String> values) {
	}

	static ContractCsvReader open(ContractFile file, Path path) throws IOException {
		sniff(file, path);
		Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		// blank lines are skipped by the iterator below, not by the parser, which would swallow them while reading
		// the next record and so shift that record's line number
		CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader);
		try {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				throw new ImportFailedException(file.fileName() + " is empty: it needs at least the header row");
			}
			CSVRecord headerRecord = records.next();
			Map<String, Integer> header = new HashMap<>();
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < headerRecord.size(); i++) {
				String name = headerRecord.get(i).strip();
				if (header.putIfAbsent(name, i) != null) {
					throw new ImportFailedException(file.fileName() + ":1: column '" + name + "' appears twice in the header");
				}
				if (file.columns().stream().noneMatch(c -> c.name().equals(name))) {
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
			return new ContractCsvReader(file, parser, Collections.unmodifiableMap(header), List.copyOf(unknown));
		}
		catch (RuntimeException ex) {
			parser.close();
			throw ex;
		}
	}

	/** Rejects binary files and non-UTF-8 text by looking at the first 64 KB. */
	private static void sniff(ContractFile file, Path path) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(SNIFF_BYTES);
		}
		for (byte b : head) {
			if (b == 0) {
				throw new ImportFailedException(file.fileName() + " is not a CSV text file (it contains binary data)");
			}
		}
		int length = head.length;
		// a multi-byte character may be cut at the end of the sample: decode only whole characters
		if (length == SNIFF_BYTES) {
			int back = 0;
			while (back < 3 && length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0xC0) {
				length = length - back - 1;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, length));
		}
		catch (CharacterCodingException ex) {
			throw new ImportFailedException(file.fileName() + " is not UTF-8 text (save it as UTF-8, e.g. not GBK)");
		}
	}

	Map<String, Integer> header() {
		return this.header;
	}

	List<String> unknownColumns() {
		return this.unknownColumns;
	}

	@Override
	public Iterator<RawRecord> iterator() {
		Iterator<CSVRecord> records = this.parser.iterator();
		return new Iterator<>() {

			private long nextStartLine = ContractCsvReader.this.parser.getCurrentLineNumber() + 1;

			private RawRecord next;

			@Override
			public boolean hasNext() {
				while (this.next == null) {
					CSVRecord record;
					try {
						if (!records.hasNext()) {
							return false;
						}
						record = records.next();
					}
					catch (UncheckedIOException | IllegalStateException ex) {
						throw new MalformedCsvException(ContractCsvReader.this.file, this.nextStartLine, ex);
					}
					long start = this.nextStartLine;
					this.nextStartLine = ContractCsvReader.this.parser.getCurrentLineNumber() + 1;
					boolean blank = record.size() == 1 && record.get(0).isEmpty();
					if (!blank) {
						this.next = new RawRecord(start, record.toList());
					}
				}
				return true;
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
		this.parser.close();
	}

	/**
	 * The CSV structure itself is broken (e.g. a quote that never closes): nothing after this point can be read
	 * reliably, so the rest of the file is reported instead of guessed at.
	 */
	static final class MalformedCsvException extends RuntimeException {

		final long line;

		MalformedCsvException(ContractFile file, long line, RuntimeException cause) {
			super(file.fileName() + ":" + line + ": malformed CSV (" + rootMessage(cause) + ")", cause);
			this.line = line;
		}

		private static String rootMessage(Throwable ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return root.getMessage();
		}

	}

}
