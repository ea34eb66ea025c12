package com.powerkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.powerkg.graph.EmbeddedNeo4jProperties;
import com.powerkg.graph.EmptyStoreSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first start of the service on a new embedded store: the committed sample is bulk-loaded before the database
 * opens (seconds; in transactions it took minutes), then {@link SampleDataLoader} analyses it.
 * <p>
 * Between the two the start may end: a wrong setting found once the database is open, Ctrl-C during the migrations,
 * a crash. The store then holds the sample without its analysis, and a later start, which finds customers, would
 * never analyse it: every portrait without tags, segments or rating until the store is deleted. So the load leaves a
 * file beside the store ({@value #PENDING}) that only a finished analysis removes, and a later start analyses the
 * sample when it finds that file.
 */
@Component
class SampleSeeder implements EmptyStoreSeeder {

	private static final Logger log = LoggerFactory.getLogger(SampleSeeder.class);

	private final SampleProperties sample;

	private final ImportProperties importing;

	/** Beside the store: the sample is loaded and its analysis has not finished yet. */
	static final String PENDING = "sample-analysis-pending";

	private final Path pending;

	private volatile boolean seeded;

	SampleSeeder(SampleProperties sample, ImportProperties importing, EmbeddedNeo4jProperties store) {
		this.sample = sample;
		this.importing = importing;
		this.pending = store.dataDirectory().toAbsolutePath().normalize().resolve(PENDING);
	}

	@Override
	public void seed(Path home) {
		if (!this.sample.loadOnEmptyDatabase() || !Files.isDirectory(this.sample.directory())) {
			return;
		}
		log.info("New store: bulk-loading the sample from {}", this.sample.directory());
		ImportReport report = new BulkLoad(this.importing).load(this.sample.directory(), home,
				this.importing.reportsDirectory().resolve("sample-" + BulkLoad.stamp() + "-rejects.csv"));
		log.info("Sample loaded: {}", report.summary());
		try {
			Files.writeString(home.resolve(PENDING), "The sample from " + this.sample.directory() + " is loaded into this store; "
					+ "the start that analyses it removes this file.\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + home.resolve(PENDING), ex);
		}
		this.seeded = true;
	}

	/** Whether this start loaded the sample (and so should analyse it). */
	boolean seeded() {
		return this.seeded;
	}

	/** Whether the sample in the store still waits for its analysis: loaded now, or by a start that ended first. */
	boolean analysisPending() {
		return this.seeded || Files.exists(this.pending);
	}

	/** The sample's analysis has finished. */
	void analysed() {
		try {
			Files.deleteIfExists(this.pending);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: the next start analyses the sample once more", this.pending, ex);
		}
	}

}
