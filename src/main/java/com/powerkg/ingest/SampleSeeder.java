package com.powerkg.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import com.powerkg.graph.EmptyStoreSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first start of the service on a new embedded store: the committed sample is bulk-loaded before the database
 * opens (seconds; in transactions it took minutes), then {@link SampleDataLoader} analyses it.
 */
@Component
class SampleSeeder implements EmptyStoreSeeder {

	private static final Logger log = LoggerFactory.getLogger(SampleSeeder.class);

	private final SampleProperties sample;

	private final ImportProperties importing;

	private volatile boolean seeded;

	SampleSeeder(SampleProperties sample, ImportProperties importing) {
		this.sample = sample;
		this.importing = importing;
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
		this.seeded = true;
	}

	/** Whether this start loaded the sample (and so should analyse it). */
	boolean seeded() {
		return this.seeded;
	}

}
