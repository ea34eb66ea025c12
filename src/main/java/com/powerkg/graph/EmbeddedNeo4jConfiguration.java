package com.powerkg.graph;

import java.nio.file.Path;
import java.util.List;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Starts Neo4j in-process unless {@code spring.neo4j.uri} points at a server, cluster or Aura; in that case
 * nothing here is created and Spring Boot's Neo4j auto-configuration builds the driver from
 * {@code spring.neo4j.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, ObjectProvider<EmptyStoreSeeder> seeders,
			ListableBeanFactory beans) {
		checkSettings(beans);
		Path home = properties.dataDirectory().toAbsolutePath().normalize();
		if (!EmbeddedNeo4j.storeExists(home)) {
			seeders.orderedStream().forEach(seeder -> seeder.seed(home));
		}
		return EmbeddedNeo4j.start(properties);
	}

	/**
	 * Binds and checks the product's settings records ({@code powerkg.*}) before a store is built or opened: a wrong one (e.g.
	 * {@code powerkg.segmentation.k.arrears-risk=9}) fails the start at once and leaves nothing behind, instead of after
	 * a first start's sample load (seconds) and the database's start. The settings are records without dependencies.
	 */
	static void checkSettings(ListableBeanFactory beans) {
		for (String name : beans.getBeanDefinitionNames()) {
			// the type from the definition only: no factory bean is made to find it out
			Class<?> type = beans.getType(name, false);
			if (type != null && type.isRecord() && type.getName().startsWith("com.powerkg.")
					&& AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)) {
				beans.getBean(name);
			}
		}
	}

	/** Closed by {@link #neo4jDriverCloser}, before the database stops. */
	@Bean(destroyMethod = "")
	Driver neo4jDriver(EmbeddedNeo4j neo4j, ObjectProvider<ConfigBuilderCustomizer> customizers) {
		return GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), driverConfig(customizers.orderedStream().toList()));
	}

	/**
	 * Closes the driver without waiting for its I/O threads: {@code close()} closes the connections and then waits 200 ms
	 * of quiet before those threads end (Netty's graceful shutdown), at every stop of the service and every command-line
	 * job; they end on their own, and the database stops right after either way. Not the driver's destroy method: Spring
	 * waits for a future a destroy method returns, and the driver's cannot be waited on that way.
	 */
	@Bean
	DisposableBean neo4jDriverCloser(Driver neo4jDriver) {
		return neo4jDriver::closeAsync;
	}

	/** The same customizers Spring Boot applies to the driver it builds for an external Neo4j. */
	static Config driverConfig(List<ConfigBuilderCustomizer> customizers) {
		var builder = Config.builder().withUserAgent("power-customer-kg");
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder.build();
	}

}
