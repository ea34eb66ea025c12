package com.powerkg.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one CSV record into a typed row, or into the reasons it breaks the contract. Pure: no I/O, so each
 * rule is unit-tested on its own; references to other rows are checked later against the graph.
 */
final class RowValidator {

	private final ContractFile file;

	private final Map<String, Integer> header;

	RowValidator(ContractFile file, Map<String, Integer> header) {
		this.file = file;
		this.header = header;
	}

	/**
	 * @param row     typed values keyed by contract column name, plus {@code line}; null when rejected
	 * @param rejects every problem found in the record (a record with two bad cells gets two rejects)
	 */
	record Result(Map<String, Object> row, List<Reject> rejects) {

		boolean valid() {
			return this.row != null;
		}

	}

	Result validate(long line, List<String> values) {
		List<Reject> rejects = new ArrayList<>();
		if (values.size() != this.header.size()) {
			rejects.add(reject(line, "", "has " + values.size() + " fields but the header has " + this.header.size()));
			return new Result(null, rejects);
		}
		Map<String, Object> row = new HashMap<>();
		for (Column column : this.file.columns()) {
			Integer index = this.header.get(column.name());
			String raw = (index == null) ? null : values.get(index);
			if (raw != null && raw.indexOf(ContractCsvReader.REPLACEMENT) >= 0) {
				rejects.add(reject(line, column.name(), "is not valid UTF-8 text"));
				continue;
			}
			try {
				row.put(column.name(), column.read(raw));
			}
			catch (Column.InvalidCell ex) {
				rejects.add(reject(line, column.name(), ex.getMessage()));
			}
		}
		if (rejects.isEmpty()) {
			crossFieldRules(line, row, rejects);
		}
		if (!rejects.isEmpty()) {
			return new Result(null, rejects);
		}
		row.put("line", line);
		return new Result(row, List.of());
	}

	private void crossFieldRules(long line, Map<String, Object> row, List<Reject> rejects) {
		switch (this.file) {
			case BILLS -> {
				if (((LocalDate) row.get("due_on")).isBefore((LocalDate) row.get("issued_on"))) {
					rejects.add(reject(line, "due_on", "due_on " + row.get("due_on") + " is before issued_on " + row.get("issued_on")));
				}
			}
			case PAYMENTS -> {
				boolean hasBill = row.get("bill_id") != null;
				if ("BILL".equals(row.get("kind")) && !hasBill) {
					rejects.add(reject(line, "bill_id", "is required when kind is BILL"));
				}
				if ("TOPUP".equals(row.get("kind")) && hasBill) {
					rejects.add(reject(line, "bill_id", "must be empty for a prepaid TOPUP (it settles no bill)"));
				}
			}
			default -> {
			}
		}
	}

	private Reject reject(long line, String column, String reason) {
		return new Reject(this.file.fileName(), line, column, reason);
	}

}
