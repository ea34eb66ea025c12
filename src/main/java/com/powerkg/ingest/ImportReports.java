package com.powerkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable report of an import, {@code reports/import-<time>.json} beside the rejects: the mode, each
 * file's rows read, imported and rejected with seconds and rows per second, and the graph's counts per label and per
 * relationship type after the import (key {@code graph}: {@code {"labels": {...}, "relationships": {...}}}).
 */
public final class ImportReports {

	private ImportReports() {
	}

	public static Map<String, Object> document(ImportReport report, GraphCounts graph) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("directory", report.directory().toAbsolutePath().toString());
		json.put("mode", report.mode().name().toLowerCase(Locale.ROOT));
		json.put("seconds", report.duration().toMillis() / 1000.0);
		json.put("rowsRead", report.rowsRead());
		json.put("rowsImported", report.rowsImported());
		json.put("rowsRejected", report.rowsRejected());
		json.put("rejectFile", report.rejectFile().map(p -> p.toAbsolutePath().toString()).orElse(null));
		List<Map<String, Object>> files = new ArrayList<>();
		for (ImportReport.FileResult file : report.files()) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("file", file.file().fileName());
			f.put("present", file.present());
			f.put("lines", file.lines());
			f.put("rowsRead", file.rowsRead());
			f.put("rowsImported", file.rowsImported());
			f.put("rowsRejected", file.rowsRejected());
			f.put("seconds", file.duration().toMillis() / 1000.0);
			f.put("rowsPerSecond", Math.round(file.rowsPerSecond()));
			files.add(f);
		}
		json.put("files", files);
		json.put("graph", Map.of("labels", graph.labels(), "relationships", graph.relationships()));
		return json;
	}

	/** Writes the report as {@code <reports>/import-<stamp>.json} and returns its path. */
	public static Path write(ImportReport report, GraphCounts graph, Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
				.writeValueAsString(document(report, graph)));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the import report " + file, ex);
		}
	}

}
