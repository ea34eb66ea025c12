package com.powerkg.graph;

import org.neo4j.driver.Driver;

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

}
