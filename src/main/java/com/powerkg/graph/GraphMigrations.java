package com.powerkg.graph;

import java.util.Optional;

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
			throw MigrationFailedException.from(ex);
		}
	}

	public Optional<String> appliedVersion() {
		return this.appliedVersion.map(MigrationVersion::getValue);
	}

	public Migrations migrations() {
		return this.migrations;
	}

}
