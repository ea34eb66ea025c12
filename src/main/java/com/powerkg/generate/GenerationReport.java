package com.powerkg.generate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DataGenerator#generate} wrote.
 *
 * @param extractDate the data cut-off; nothing in the files is dated after it
 * @param rowsPerFile file name to number of data rows (header excluded), in the contract's file order
 */
public record GenerationReport(LocalDate extractDate, Map<String, Long> rowsPerFile) {

	public GenerationReport {
		Objects.requireNonNull(extractDate, "extractDate");
		Objects.requireNonNull(rowsPerFile, "rowsPerFile");
		// Map.copyOf would lose the file order the CLI prints in.
		rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
	}

	public long totalRows() {
		return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
	}
}
