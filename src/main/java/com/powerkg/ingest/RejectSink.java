package com.powerkg.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rejects to the report as they happen (nothing is held for millions of bad rows) and keeps the first
 * ones for the summary. The file is created only when there is something to report.
 */
final class RejectSink implements AutoCloseable {

	private final Path path;

	private final List<Reject> sample = new ArrayList<>();

	private BufferedWriter writer;

	private long count;

	private long rows;

	RejectSink(Path path) {
		this.path = path;
	}

	synchronized void rejectRow(List<Reject> rejects) {
		this.rows++;
		for (Reject reject : rejects) {
			add(reject);
		}
	}

	private void add(Reject reject) {
		this.count++;
		if (this.sample.size() < ImportReport.SAMPLE_SIZE) {
			this.sample.add(reject);
		}
		try {
			if (this.writer == null) {
				Path parent = this.path.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				this.writer = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
				this.writer.write("file,line,column,reason\n");
			}
			this.writer.write(csv(reject.file()) + "," + reject.line() + "," + csv(reject.column()) + ","
					+ csv(reject.reason()) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write reject report " + this.path, ex);
		}
	}

	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	synchronized long count() {
		return this.count;
	}

	synchronized long rejectedRows() {
		return this.rows;
	}

	synchronized List<Reject> sample() {
		return List.copyOf(this.sample);
	}

	@Override
	public synchronized void close() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
