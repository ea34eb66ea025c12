package com.powerkg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one contract file record by record and hands on each row that keeps the contract, whichever way it is then
 * written (in transactions, or into the bulk importer's files): malformed records, rows with bad cells and duplicates
 * of a natural key become rejects with file, line, column and reason. Logs progress with rows per second and the time
 * left (from the bytes read of the file's size).
 */
final class ContractRows {

	/** Shown in the terminal of a command-line import (logback-command.xml). */
	private static final Logger log = LoggerFactory.getLogger("powerkg.progress.import");

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private ContractRows() {
	}

	/** What reading a file found: its physical lines, blank lines and records. */
	record Counts(long lines, long blank, long read) {
	}

	static Counts read(ContractFile file, Path path, RejectSink rejects, long progressEveryRows, Consumer<Map<String, Object>> valid)
			throws IOException {
		var seen = new SeenKeys();
		long read = 0;
		long rejectedBefore = rejects.rejectedRows();
		var progress = new Progress(file, Files.size(path), progressEveryRows);
		try (var reader = ContractCsvReader.open(file, path)) {
			var validator = new RowValidator(file, reader.header());
			for (ContractCsvReader.RawRecord record : reader) {
				read++;
				if (record.isMalformed()) {
					rejects.rejectRow(List.of(new Reject(file.fileName(), record.line(), "",
							"malformed CSV: " + record.malformed() + "; the record was skipped and reading went on at the next line")));
				}
				else {
					RowValidator.Result result = validator.validate(record.line(), record.values());
					if (!result.valid()) {
						rejects.rejectRow(result.rejects());
					}
					else {
						int firstLine = seen.firstSeenOrRecord(file.naturalKey(result.row()), record.line());
						if (firstLine != 0) {
							rejects.rejectRow(List.of(new Reject(file.fileName(), record.line(), file.keyDescription(),
									"duplicate " + file.keyDescription() + " '" + file.naturalKey(result.row())
											+ "' (first on line " + firstLine + ")")));
						}
						else {
							valid.accept(result.row());
						}
					}
				}
				progress.maybeLog(read, reader.bytesRead(), rejects.rejectedRows() - rejectedBefore);
			}
			return new Counts(reader.linesRead(), reader.blankLines(), read);
		}
	}

	/** Rows so far, rows per second and the time left, every {@code everyRows} rows and at least every 10 s. */
	private static final class Progress {

		private final ContractFile file;

		private final long size;

		private final long everyRows;

		private final long startedNanos = System.nanoTime();

		private long lastLoggedRows;

		private long lastLoggedNanos = System.nanoTime();

		Progress(ContractFile file, long size, long everyRows) {
			this.file = file;
			this.size = size;
			this.everyRows = everyRows;
		}

		void maybeLog(long rows, long bytes, long rejected) {
			if (rows - this.lastLoggedRows < this.everyRows && (rows & 1023) != 0) {
				return;
			}
			long now = System.nanoTime();
			if (rows - this.lastLoggedRows >= this.everyRows || now - this.lastLoggedNanos >= PROGRESS_INTERVAL.toNanos()) {
				double seconds = Math.max((now - this.startedNanos) / 1e9, 1e-3);
				double share = this.size > 0 ? Math.min(1, (double) bytes / this.size) : 1;
				long left = share > 0 ? Math.round(seconds / share - seconds) : 0;
				log.info("{}: {} rows so far ({} %), {} rows/s, about {} left, {} rejected", this.file.fileName(), rows,
						Math.round(100 * share), Math.round(rows / seconds), left >= 60 ? left / 60 + " min " + left % 60 + " s" : left + " s",
						rejected);
				this.lastLoggedRows = rows;
				this.lastLoggedNanos = now;
			}
		}

	}

}
