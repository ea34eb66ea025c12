package com.powerkg.graph;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Database wiring that holds for embedded and external Neo4j alike.
 */
@Configuration(proxyBeanMethods = false)
public class GraphConfiguration {

	/** Set by the command line for its jobs (cli/SpringJob), never by hand. */
	public static final String COMMAND_LINE_JOB = "powerkg.command-line-job";

	/** Applied by the start-up sequence ({@code com.powerkg.StartUp}) before anything else touches the graph. */
	@Bean
	GraphMigrations graphMigrations(Driver driver, MigrationsProperties properties, ObjectProvider<EmbeddedNeo4j> embedded,
			Environment environment) {
		EmbeddedNeo4j database = embedded.getIfAvailable();
		boolean inProcess = database != null;
		boolean job = environment.getProperty(COMMAND_LINE_JOB, Boolean.class, false);
		var migrations = new GraphMigrations(driver, properties, mode(properties, inProcess, job), inProcess);
		if (inProcess) {
			migrations.inProcess(database.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
		}
		migrations.warmUpEarly();
		return migrations;
	}

	/** A command-line job against an external database (a running service's) checks; everything else applies. */
	static GraphMigrations.Mode mode(MigrationsProperties properties, boolean embedded, boolean job) {
		if (!properties.enabled()) {
			return GraphMigrations.Mode.OFF;
		}
		return switch (properties.mode()) {
			case "apply" -> GraphMigrations.Mode.APPLY;
			case "check" -> GraphMigrations.Mode.CHECK;
			default -> (job && !embedded) ? GraphMigrations.Mode.CHECK : GraphMigrations.Mode.APPLY;
		};
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
