package com.powerkg.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Database wiring that holds for embedded and external Neo4j alike.
 */
@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

	/** Created eagerly and applied at once: everything that reads or writes the graph depends on this bean. */
	@Bean
	GraphMigrations graphMigrations(Driver driver, MigrationsProperties properties) {
		var migrations = new GraphMigrations(driver, properties);
		migrations.apply();
		return migrations;
	}

	/**
	 * The driver logs through SLF4J, for the embedded driver and Spring Boot's alike. Its default (System.Logger)
	 * formats every debug message, parameters and all, before it asks whether debug is on: profiling showed 9 % of
	 * an import's CPU going to printing 5,000-row batches into strings nobody reads.
	 */
	@Bean
	ConfigBuilderCustomizer driverLogging() {
		return builder -> builder.withLogging(Logging.slf4j());
	}

}
