package com.powerkg;

import java.nio.file.Path;
import java.util.List;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.graph.MigrationsProperties;
import org.neo4j.configuration.GraphDatabaseSettings;
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
		return open(TestNeo4j.migratedStore());
	}

	/**
	 * Like {@link #open()}, but the one database the JVM keeps for this, emptied back to the template's content
	 * ({@link ReusedGraph}): its Cypher stays compiled from the tests before. For a test that needs only data apart from
	 * the shared database's, not a young store (plans, statistics) nor the store's files; closing it keeps it running.
	 */
	public static PrivateGraph reused() {
		return ReusedGraph.take();
	}

	public static PrivateGraph open(Path store) {
		PrivateGraph graph = asBuilt(store);
		try {
			// as the service applies them: on a copy of the migrated template (open()) the fast path finds nothing to do
			new GraphMigrations(graph.driver(), new MigrationsProperties(true, List.of()))
				.inProcess(graph.neo4j().service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
				.apply();
			graph.driver().executableQuery("CALL db.awaitIndexes(300)").execute();
			return graph;
		}
		catch (RuntimeException failed) {
			graph.close(); // the database is not left running for the rest of the JVM
			throw failed;
		}
	}

	/**
	 * The store as an import left it, without applying the migrations: to compare what two imports built (on a store
	 * the bulk importer made, the migrations take seconds, and would do the same on both).
	 */
	public static PrivateGraph asBuilt(Path store) {
		var neo4j = EmbeddedNeo4j.start(TestNeo4j.embedded(store));
		return new PrivateGraph(neo4j, GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none()));
	}

	/** The next free version after the product's scripts in cypher/migrations, as a steward picks it (README). */
	public static String nextMigrationVersion() {
		try (var scripts = java.nio.file.Files.list(Path.of("cypher/migrations"))) {
			int last = scripts.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.cypher"))
				.mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
			return String.format("V%04d", last + 1);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The driver without waiting for its I/O threads to end (as the service closes its own: EmbeddedNeo4jConfiguration). */
	@Override
	public void close() {
		if (ReusedGraph.release(this)) {
			return;
		}
		this.driver.closeAsync();
		this.neo4j.close();
	}

}
