package com.powerkg;

import java.nio.file.Path;
import java.util.List;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.EmbeddedNeo4jProperties;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.graph.MigrationsProperties;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * An embedded Neo4j of a test's own, opened as the service opens one (the migrations applied, the indexes online): for
 * tests whose data would disturb the shared database of {@link GraphTest} (hundreds of generated customers in the same
 * grid cells as the fixtures), or that are about the store itself.
 */
public record PrivateGraph(EmbeddedNeo4j neo4j, Driver driver) implements AutoCloseable {

	public static PrivateGraph open() {
		return open(TestNeo4j.freshStore());
	}

	public static PrivateGraph open(Path store) {
		var neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(store, "127.0.0.1", 0, ""));
		Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
		new GraphMigrations(driver, new MigrationsProperties(true, List.of("classpath:cypher/migrations"))).apply();
		driver.executableQuery("CALL db.awaitIndexes(300)").execute();
		return new PrivateGraph(neo4j, driver);
	}

	@Override
	public void close() {
		this.driver.close();
		this.neo4j.close();
	}

}
