package com.powerkg.ingest;

/**
 * A row (or cell) that breaks the data contract and was not imported.
 *
 * @param file   contract file name
 * @param line   1-based physical line where the record starts (the header is line 1)
 * @param column offending column, empty when the whole row is at fault
 * @param reason what is wrong, in words a data steward can act on
 */
public record Reject(String file, long line, String column, String reason) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + (this.column.isEmpty() ? "" : ": " + this.column) + ": " + this.reason;
	}

}
