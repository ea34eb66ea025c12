package com.powerkg.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Outcome of one import.
 *
 * @param directory  what was imported
 * @param files      one entry per contract file, in import order
 * @param rejects    the first rejects (at most {@link #SAMPLE_SIZE}), all of them are in the report file
 * @param rejectFile the full reject report, absent when nothing was rejected
 * @param duration   wall time
 */
public record ImportReport(Path directory, List<FileResult> files, List<Reject> rejects, Optional<Path> rejectFile,
		Duration duration) {

	public static final int SAMPLE_SIZE = 1000;

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
	 * @param present      false when the optional file was not in the directory
	 * @param rowsRejected rows not imported (a row with several bad cells counts once)
	 */
	public record FileResult(ContractFile file, boolean present, long rowsRead, long rowsImported, long rowsRejected,
			Duration duration) {

		public double rowsPerSecond() {
			double seconds = this.duration.toNanos() / 1e9;
			return seconds > 0 ? this.rowsRead / seconds : 0;
		}

	}

	public String summary() {
		var sb = new StringBuilder();
		sb.append(String.format("Imported %,d of %,d rows from %s in %.1f s; %,d rejected", rowsImported(), rowsRead(),
				this.directory, this.duration.toMillis() / 1000.0, rowsRejected()));
		this.rejectFile.ifPresent(f -> sb.append(" (see ").append(f).append(')'));
		return sb.toString();
	}

}
