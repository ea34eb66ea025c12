package com.powerkg.graph;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned, checksummed Cypher scripts before anything else touches the graph. Each script runs
 * in its own transaction, so a script that fails part-way leaves the database as it was before that script.
 */
public final class GraphMigrations {

	private static final Logger log = LoggerFactory.getLogger(GraphMigrations.class);

	/** "Could not apply migration: 9001 ("Steward typo")", "Checksum of 0003 ("Channels") changed" */
	private static final Pattern FAILED_VERSION = Pattern.compile("(\\S+) \\(\"");

	private final Migrations migrations;

	private final boolean enabled;

	private Optional<MigrationVersion> appliedVersion = Optional.empty();

	public GraphMigrations(Driver driver, MigrationsProperties properties) {
		var config = MigrationsConfig.builder()
			.withLocationsToScan(properties.locations().toArray(String[]::new))
			.withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
			// scripts edited on Windows must not change their checksum
			.withAutocrlf(true)
			.withInstalledBy("power-customer-kg")
			.build();
		this.migrations = new Migrations(config, driver);
		this.enabled = properties.enabled();
	}

	/**
	 * Applies every pending script.
	 * @throws MigrationFailedException naming the script and statement at fault
	 */
	public void apply() {
		if (!this.enabled) {
			log.info("Cypher migrations are disabled (powerkg.migrations.enabled=false)");
			return;
		}
		try {
			this.appliedVersion = this.migrations.apply();
			log.info("Graph schema is at version {}", this.appliedVersion.map(MigrationVersion::getValue).orElse("<none>"));
		}
		catch (MigrationsException ex) {
			throw MigrationFailedException.from(ex, sourceOf(ex));
		}
	}

	/** neo4j-migrations names a failing script by version and description; stewards know it by its file. */
	private Optional<String> sourceOf(MigrationsException ex) {
		Matcher version = FAILED_VERSION.matcher(String.valueOf(ex.getMessage()));
		if (!version.find()) {
			return Optional.empty();
		}
		try {
			return this.migrations.info(MigrationChain.ChainBuilderMode.LOCAL)
				.getElements()
				.stream()
				.filter(element -> element.getVersion().equals(version.group(1)))
				.map(MigrationChain.Element::getSource)
				.findFirst();
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	public Optional<String> appliedVersion() {
		return this.appliedVersion.map(MigrationVersion::getValue);
	}

	public Migrations migrations() {
		return this.migrations;
	}

}
