package com.powerkg.graph;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the versioned Cypher scripts come from. The product's scripts live in the top-level {@code cypher/}
 * folder and are packaged into the jar under {@code cypher/}; a steward may add a {@code file:} location
 * holding site-specific scripts.
 *
 * @param enabled   apply pending scripts at start-up
 * @param locations neo4j-migrations locations ({@code classpath:...} or {@code file:...})
 */
@ConfigurationProperties("powerkg.migrations")
public record MigrationsProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("classpath:cypher/migrations") List<String> locations) {
}
