package com.powerkg.browser;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled   serve Neo4j Browser at {@code /browser/}
 * @param boltUrl   the Bolt URL Browser is pre-filled with; empty means the embedded database's Bolt URL
 *                  (or {@code spring.neo4j.uri} for an external database)
 */
@ConfigurationProperties("powerkg.browser")
public record BrowserProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String boltUrl) {
}
