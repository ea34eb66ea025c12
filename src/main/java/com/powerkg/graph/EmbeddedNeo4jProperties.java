package com.powerkg.graph;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j that runs when {@code spring.neo4j.uri} is not set.
 *
 * @param dataDirectory  where the store, transaction logs and Neo4j's own logs live
 * @param boltAddress    interface the Bolt connector binds to; loopback by default so the database is never
 *                       reachable from other machines unless an operator decides so
 * @param boltPort       Bolt port (also serves Bolt over WebSocket for Neo4j Browser); 0 picks a free port
 * @param pageCache      page cache size in Neo4j notation ({@code 512m}, {@code 4g}); empty lets Neo4j decide
 * @param pauseMonitor   Neo4j's VM pause monitor, which writes the JVM's stop-the-world pauses to Neo4j's
 *                       {@code debug.log}; its thread wakes every 100 ms and every stop of the database waits for it
 *                       (the tests, which stop about 70 databases, switch it off)
 */
@ConfigurationProperties("powerkg.neo4j.embedded")
public record EmbeddedNeo4jProperties(
		@DefaultValue("./data") Path dataDirectory,
		@DefaultValue("127.0.0.1") String boltAddress,
		@DefaultValue("7687") int boltPort,
		@DefaultValue("") String pageCache,
		@DefaultValue("true") boolean pauseMonitor) {
}
