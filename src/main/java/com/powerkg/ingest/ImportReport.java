package com.powerkg.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Outcome of one import.
 *
 * @param directory  what was imported
 * @param files      one entry per contract file, in import order
 * @param rejects    the first rejects (at most {@link #SAMPLE_SIZE}), all of them are in the report file
 * @param rejectFile the full reject report, absent when nothing was rejected
 * @param duration   wall time
 * @param mode       how the rows were written
 */
public record ImportReport(Path directory, List<FileResult> files, List<Reject> rejects, Optional<Path> rejectFile,
		Duration duration, Mode mode) {

	public static final int SAMPLE_SIZE = 1000;

	/** How an import writes: Neo4j's bulk importer into an empty store, or transactions (MERGE on natural keys). */
	public enum Mode {

		BULK, TRANSACTIONAL

	}

	/** The first rejects and how many there were in all. */
	record Rejects(List<Reject> first, long count) {
	}

	public long rowsRead() {
		return this.files.stream().mapToLong(FileResult::rowsRead).sum();
	}

	public long rowsImported() {
		return this.files.stream().mapToLong(FileResult::rowsImported).sum();
	}

	public long rowsRejected() {
		return this.files.stream().mapToLong(FileResult::rowsRejected).sum();
	}

	public Optional<FileResult> file(ContractFile file) {
		return this.files.stream().filter(f -> f.file() == file).findFirst();
	}

	/**
	 * Rows read are the file's records: {@code lines = 1 (header) + blankLines + rowsRead} when no cell spans lines,
	 * and {@code rowsRead = rowsImported + rowsRejected} always.
	 *
	 * @param present      false when the optional file was not in the directory
	 * @param lines        physical lines of the file, the header included
	 * @param blankLines   empty lines, skipped
	 * @param rowsRejected rows not imported (a row with several bad cells counts once, a malformed record too)
	 */
	public record FileResult(ContractFile file, boolean present, long lines, long blankLines, long rowsRead, long rowsImported,
			long rowsRejected, Duration duration) {

		static FileResult absent(ContractFile file) {
			return new FileResult(file, false, 0, 0, 0, 0, 0, Duration.ZERO);
		}

		public double rowsPerSecond() {
			double seconds = this.duration.toNanos() / 1e9;
			return seconds > 0 ? this.rowsRead / seconds : 0;
		}

	}

	public String summary() {
		var sb = new StringBuilder();
		sb.append(String.format("Imported %,d of %,d rows from %s in %.1f s (%s); %,d rejected", rowsImported(), rowsRead(),
				this.directory, this.duration.toMillis() / 1000.0, this.mode.name().toLowerCase(Locale.ROOT), rowsRejected()));
		this.rejectFile.ifPresent(f -> sb.append(" (see ").append(f).append(')'));
		return sb.toString();
	}

}
