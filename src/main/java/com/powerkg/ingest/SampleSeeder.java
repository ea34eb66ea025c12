package com.powerkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.EmbeddedNeo4jProperties;
import com.powerkg.graph.EmptyStoreSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The first start of the service on a new embedded store: the committed sample is bulk-loaded before the database
 * opens (seconds; in transactions it took minutes), then {@link SampleDataLoader} analyses it.
 * <p>
 * Between the two the start may end: Ctrl-C during the migrations, a script that fails, a crash. The store then holds
 * the sample without its analysis, and a later start, which finds customers, would never analyse it: every portrait
 * without tags, segments or rating until the store is deleted. So the load leaves a file beside the store
 * ({@value #PENDING}, written before the load begins) that only a finished analysis removes, and a later start on that
 * embedded store analyses the sample when it finds that file.
 */
@Component
class SampleSeeder implements EmptyStoreSeeder {

	private static final Logger log = LoggerFactory.getLogger(SampleSeeder.class);

	/** Beside the store: the sample is loaded (or being loaded) and its analysis has not finished yet. */
	static final String PENDING = "sample-analysis-pending";

	private final SampleProperties sample;

	private final ImportProperties importing;

	private final Path pending;

	/** Present when this process runs the embedded store the file is beside (not with spring.neo4j.uri). */
	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private volatile boolean seeded;

	SampleSeeder(SampleProperties sample, ImportProperties importing, EmbeddedNeo4jProperties store,
			ObjectProvider<EmbeddedNeo4j> embedded) {
		this.sample = sample;
		this.importing = importing;
		this.pending = store.dataDirectory().toAbsolutePath().normalize().resolve(PENDING);
		this.embedded = embedded;
	}

	@Override
	public void seed(Path home) {
		if (!this.sample.loadOnEmptyDatabase() || !Files.isDirectory(this.sample.directory())) {
			return;
		}
		log.info("New store: bulk-loading the sample from {}", this.sample.directory());
		// first: a load that fails leaves no store, and the next start loads it again; one that succeeds is analysed
		try {
			Files.createDirectories(home);
			Files.writeString(home.resolve(PENDING), "The sample from " + this.sample.directory() + " is loaded into this store; "
					+ "the start that analyses it removes this file.\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + home.resolve(PENDING), ex);
		}
		ImportReport report = new BulkLoad(this.importing).load(this.sample.directory(), home,
				this.importing.reportsDirectory().resolve("sample-" + BulkLoad.stamp() + "-rejects.csv"));
		log.info("Sample loaded: {}", report.summary());
		this.seeded = true;
	}

	/** Whether this start loaded the sample (and so should analyse it). */
	boolean seeded() {
		return this.seeded;
	}

	/** Whether the sample in the store still waits for its analysis: loaded now, or by a start that ended first. */
	boolean analysisPending() {
		return this.seeded || this.embedded.getIfAvailable() != null && Files.exists(this.pending);
	}

	/** The file that says so. */
	Path pendingFile() {
		return this.pending;
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
