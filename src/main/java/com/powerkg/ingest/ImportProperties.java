package com.powerkg.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize          rows per UNWIND transaction
 * @param reportsDirectory   where reject reports are written
 * @param progressEveryRows  log progress after this many rows of a file (and at least every 10 s)
 * @param writers            batches of a file written at the same time, each in its own transaction, while the
 *                           next batch is read (a file is finished before the next starts)
 * @param bulkThreads        threads of Neo4j's bulk importer (first load of an empty store); 0 = one per core
 * @param bulkMemory         off-heap memory of the bulk importer ({@code 2g}, or a share of the free memory, {@code 60%})
 */
@ConfigurationProperties("powerkg.import")
public record ImportProperties(@DefaultValue("5000") int batchSize, @DefaultValue("./reports") Path reportsDirectory,
		@DefaultValue("100000") long progressEveryRows, @DefaultValue("2") int writers, @DefaultValue("0") int bulkThreads,
		@DefaultValue("60%") String bulkMemory) {

	public ImportProperties(int batchSize, Path reportsDirectory, long progressEveryRows, int writers) {
		this(batchSize, reportsDirectory, progressEveryRows, writers, 0, "60%");
	}

	@ConstructorBinding
	public ImportProperties {
		bulkThreads = (bulkThreads > 0) ? bulkThreads : Runtime.getRuntime().availableProcessors();
		bulkMemory = (bulkMemory == null || bulkMemory.isBlank()) ? "60%" : bulkMemory.strip();
		if (batchSize < 1) {
			throw new IllegalArgumentException("powerkg.import.batch-size must be at least 1, was " + batchSize);
		}
		if (writers < 1) {
			throw new IllegalArgumentException("powerkg.import.writers must be at least 1, was " + writers);
		}
	}

}
