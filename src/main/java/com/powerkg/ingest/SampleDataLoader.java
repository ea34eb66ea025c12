package com.powerkg.ingest;

import java.nio.file.Files;
import java.util.Map;

import com.powerkg.analytics.AnalyticsService;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives a fresh start real data: when the database holds no customer yet, the committed sample is imported
 * (and analysed, so portraits have tags) before the web server opens, so the first GraphQL query already sees
 * it. A database that has customers is never touched, except to finish a sample import or analysis a start began and
 * did not end (a file beside a bulk-loaded store, {@link SampleSeeder}; a node in the graph after an import in
 * transactions, sample-pending-mark.cypher).
 */
@Component
public class SampleDataLoader {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	private static final String MARK_PENDING = CypherResource.load(SampleDataLoader.class, "sample-pending-mark.cypher");

	private static final String FIND_PENDING = CypherResource.load(SampleDataLoader.class, "sample-pending-find.cypher");

	private static final String CLEAR_PENDING = CypherResource.load(SampleDataLoader.class, "sample-pending-clear.cypher");

	private final GraphReads reads;

	private final CsvImporter importer;

	private final SampleProperties properties;

	private final AnalyticsService analytics;

	private final SampleSeeder seeder;

	private final Driver driver;

	SampleDataLoader(GraphReads reads, CsvImporter importer, SampleProperties properties, AnalyticsService analytics,
			SampleSeeder seeder, Driver driver) {
		this.reads = reads;
		this.driver = driver;
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
			analyse("delete " + this.seeder.pendingFile());
			this.seeder.analysed();
			return;
		}
		boolean unfinished = this.reads.single(FIND_PENDING, Map.of()).get("pending").asBoolean();
		if (!unfinished && this.reads.customerCount() != 0) {
			return;
		}
		if (!Files.isDirectory(this.properties.directory())) {
			log.warn("The database {} and the sample {} is not there: start from the project folder, or set "
					+ "powerkg.sample.directory", unfinished ? "has a sample import a start did not finish" : "is empty",
					this.properties.directory().toAbsolutePath());
			return;
		}
		if (unfinished) {
			log.info("A start that imported the sample ended before its analysis: importing it again from {} (nothing is "
					+ "imported twice) and analysing it", this.properties.directory());
		}
		else {
			log.info("Empty database: importing the sample from {}", this.properties.directory());
		}
		this.driver.executableQuery(MARK_PENDING)
			.withParameters(Map.of("directory", this.properties.directory().toAbsolutePath().toString()))
			.execute();
		ImportReport report = this.importer.importDirectory(this.properties.directory());
		log.info("Sample loaded: {}", report.summary());
		analyse("run MATCH (p:SampleAnalysisPending) DELETE p");
		this.driver.executableQuery(CLEAR_PENDING).execute();
	}

	/**
	 * Analyses the sample as of its date; a failure leaves the mark of an unfinished sample, so the next start tries
	 * again, and says how to start without it.
	 */
	private void analyse(String toStartWithout) {
		if (this.properties.analyzeAsOf() == null) {
			return;
		}
		log.info("Analysing the sample as of {}", this.properties.analyzeAsOf());
		try {
			this.analytics.run(this.properties.analyzeAsOf());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The sample's analysis failed (" + ex.getMessage() + "); the next start tries "
					+ "again. To start without it, " + toStartWithout, ex);
		}
	}

}
