package com.powerkg.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A strict RFC 4180 reader for tests, independent of the generator's writer. */
record CsvTable(String fileName, List<String> header, List<List<String>> records) {

	static CsvTable read(Path file) throws IOException {
		List<List<String>> all = parse(Files.readString(file, StandardCharsets.UTF_8));
		return new CsvTable(file.getFileName().toString(), all.getFirst(), all.subList(1, all.size()));
	}

	/** Records of the text; every record must end with a line break, as the generator writes them. */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean afterQuote = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					} else {
						quoted = false;
						afterQuote = true;
					}
				} else {
					field.append(c);
				}
			} else if (c == '"') {
				if (!field.isEmpty() || afterQuote) {
					throw new IllegalArgumentException("stray quote at offset " + i);
				}
				quoted = true;
			} else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				afterQuote = false;
			} else if (c == '\n') {
				record.add(field.toString());
				field.setLength(0);
				afterQuote = false;
				records.add(record);
				record = new ArrayList<>();
			} else if (c == '\r') {
				throw new IllegalArgumentException("carriage return outside quotes at offset " + i);
			} else {
				if (afterQuote) {
					throw new IllegalArgumentException("text after closing quote at offset " + i);
				}
				field.append(c);
			}
		}
		if (quoted || !field.isEmpty() || !record.isEmpty()) {
			throw new IllegalArgumentException("last record is not terminated by a line break");
		}
		return records;
	}

	int column(String name) {
		int index = header.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(fileName + " has no column " + name);
		}
		return index;
	}

	List<Row> rows() {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		List<Row> rows = new ArrayList<>(records.size());
		for (List<String> values : records) {
			rows.add(new Row(index, values));
		}
		return rows;
	}

	record Row(Map<String, Integer> index, List<String> values) {

		String get(String column) {
			Integer i = index.get(column);
			if (i == null) {
				throw new IllegalArgumentException("no column " + column);
			}
			return values.get(i);
		}
	}
}
