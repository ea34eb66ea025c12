package com.powerkg.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j in-process unless {@code spring.neo4j.uri} points at a server, cluster or Aura; in that case
 * nothing here is created and Spring Boot's Neo4j auto-configuration builds the driver from
 * {@code spring.neo4j.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, ObjectProvider<EmptyStoreSeeder> seeders) {
		Path home = properties.dataDirectory().toAbsolutePath().normalize();
		if (!Files.isDirectory(home.resolve("data/databases/neo4j"))) {
			seeders.orderedStream().forEach(seeder -> seeder.seed(home));
		}
		return EmbeddedNeo4j.start(properties);
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(EmbeddedNeo4j neo4j, ObjectProvider<ConfigBuilderCustomizer> customizers) {
		return GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), driverConfig(customizers.orderedStream().toList()));
	}

	/** The same customizers Spring Boot applies to the driver it builds for an external Neo4j. */
	static Config driverConfig(List<ConfigBuilderCustomizer> customizers) {
		var builder = Config.builder().withUserAgent("power-customer-kg");
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder.build();
	}

}
