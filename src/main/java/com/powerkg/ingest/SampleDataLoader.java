package com.powerkg.ingest;

import java.nio.file.Files;

import com.powerkg.analytics.AnalyticsService;
import com.powerkg.graph.GraphReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives a fresh start real data: when the database holds no customer yet, the committed sample is imported
 * (and analysed, so portraits have tags) before the web server opens, so the first GraphQL query already sees
 * it. A database that has customers is never touched.
 */
@Component
public class SampleDataLoader {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	private final GraphReads reads;

	private final CsvImporter importer;

	private final SampleProperties properties;

	private final AnalyticsService analytics;

	private final SampleSeeder seeder;

	SampleDataLoader(GraphReads reads, CsvImporter importer, SampleProperties properties, AnalyticsService analytics,
			SampleSeeder seeder) {
		this.reads = reads;
		this.importer = importer;
		this.properties = properties;
		this.analytics = analytics;
		this.seeder = seeder;
	}

	/** Imports (unless bulk-loaded before the database opened) and analyses the sample when the database is empty. */
	public void loadIfEmpty() {
		if (!this.properties.loadOnEmptyDatabase()) {
			return;
		}
		if (this.seeder.analysisPending()) {
			// the sample was bulk-loaded before the database opened, by this start or by one that ended before its
			// analysis: only the analysis is left
			if (!this.seeder.seeded() && this.properties.analyzeAsOf() != null) {
				log.info("The sample was loaded by a start that ended before analysing it: analysing it now");
			}
			try {
				analyse();
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("The sample's analysis failed (" + ex.getMessage() + "); the next start "
						+ "tries again. To start without it, delete " + this.seeder.pendingFile(), ex);
			}
			this.seeder.analysed();
			return;
		}
		boolean empty = this.reads.customerCount() == 0;
		if (!empty) {
			return;
		}
		if (!Files.isDirectory(this.properties.directory())) {
			log.warn("The database is empty and the sample {} is not there: start from the project folder, or "
					+ "set powerkg.sample.directory", this.properties.directory().toAbsolutePath());
			return;
		}
		log.info("Empty database: importing the sample from {}", this.properties.directory());
		ImportReport report = this.importer.importDirectory(this.properties.directory());
		log.info("Sample loaded: {}", report.summary());
		analyse();
	}

	private void analyse() {
		if (this.properties.analyzeAsOf() != null) {
			log.info("Analysing the sample as of {}", this.properties.analyzeAsOf());
			this.analytics.run(this.properties.analyzeAsOf());
		}
	}

}
