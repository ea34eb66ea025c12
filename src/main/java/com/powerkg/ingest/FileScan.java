package com.powerkg.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a whole contract file once before any of it is written, and refuses it when it cannot be used: binary
 * content (a NUL byte), text that is not UTF-8 anywhere in the file (e.g. GBK rows after the first megabyte), or a
 * CSV structure broken on so many records that the parser cannot trust its record boundaries. The byte pass is cheap
 * (a few hundred MB/s); the structure pass runs only for files that contain a quote at all, since without quotes
 * every line is a record.
 *
 * @param lines  physical lines of the file
 * @param quotes whether any double quote occurs (if not, no record can be malformed)
 */
record FileScan(long lines, boolean quotes) {

	/** A file with more malformed records than this share (and more than {@link #MAX_MALFORMED_ALWAYS}) is refused. */
	static final double MAX_MALFORMED_SHARE = 0.01;

	/** Malformed records a file may always have (each is a reject). */
	static final int MAX_MALFORMED_ALWAYS = 10;

	static FileScan of(ContractFile file, Path path) throws IOException {
		FileScan scan = bytes(file, path);
		if (scan.quotes()) {
			structure(file, path);
		}
		return scan;
	}

	/** NUL bytes and UTF-8 validity over the whole file, counting lines on the way. */
	static FileScan bytes(ContractFile file, Path path) throws IOException {
		long lines = 0;
		boolean quotes = false;
		boolean lastWasNewline = true;
		int pending = 0; // continuation bytes still expected of a multi-byte character
		int lead = 0; // the lead byte of that character, for the overlong/surrogate checks of its first continuation
		boolean firstContinuation = false;
		ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			while (channel.read(buffer) >= 0) {
				buffer.flip();
				byte[] bytes = buffer.array();
				int end = buffer.limit();
				for (int k = 0; k < end; k++) {
					int b = bytes[k] & 0xff;
					if (pending > 0) {
						boolean ok = (b & 0xC0) == 0x80;
						if (ok && firstContinuation) {
							// the second byte's range rules out overlong forms, surrogates and code points beyond U+10FFFF
							ok = switch (lead) {
								case 0xE0 -> b >= 0xA0;
								case 0xED -> b <= 0x9F;
								case 0xF0 -> b >= 0x90;
								case 0xF4 -> b <= 0x8F;
								default -> true;
							};
						}
						if (!ok) {
							throw notUtf8(file, lines);
						}
						firstContinuation = false;
						pending--;
						continue;
					}
					if (b < 0x80) {
						if (b == 0) {
							throw new ImportFailedException(file.fileName() + " is not a CSV text file (it contains binary data)");
						}
						if (b == '\n') {
							lines++;
							lastWasNewline = true;
						}
						else {
							lastWasNewline = false;
							if (b == '"') {
								quotes = true;
							}
						}
						continue;
					}
					lastWasNewline = false;
					if (b >= 0xC2 && b <= 0xDF) {
						pending = 1;
					}
					else if (b >= 0xE0 && b <= 0xEF) {
						pending = 2;
					}
					else if (b >= 0xF0 && b <= 0xF4) {
						pending = 3;
					}
					else {
						throw notUtf8(file, lines);
					}
					lead = b;
					firstContinuation = true;
				}
				buffer.clear();
			}
		}
		if (pending > 0) {
			throw notUtf8(file, lines);
		}
		return new FileScan(lastWasNewline ? lines : lines + 1, quotes);
	}

	private static ImportFailedException notUtf8(ContractFile file, long newlinesBefore) {
		return new ImportFailedException(file.fileName() + ":" + (newlinesBefore + 1)
				+ ": the file is not UTF-8 text (save it as UTF-8, e.g. not GBK); nothing of it was imported");
	}

	/** Parses the records (without validating cells) and refuses the file when too many are malformed. */
	private static void structure(ContractFile file, Path path) throws IOException {
		try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16)) {
			var records = new ContractCsvReader.Records(reader);
			long total = 0;
			long malformed = 0;
			ContractCsvReader.RawRecord first = null;
			records.next(); // the header, checked on its own
			for (var record = records.next(); record != null; record = records.next()) {
				total++;
				if (record.isMalformed()) {
					malformed++;
					if (first == null) {
						first = record;
					}
				}
			}
			if (malformed > MAX_MALFORMED_ALWAYS && malformed > MAX_MALFORMED_SHARE * total) {
				throw new ImportFailedException(file.fileName() + ": " + malformed + " of " + total + " records are not valid CSV, "
						+ "the first on line " + first.line() + " (" + first.malformed() + "); the file's structure cannot be trusted, "
						+ "so nothing of it was imported (check the quoting: a quote inside a cell is written twice, \"\")");
			}
		}
	}

}
