package com.powerkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to talk to the database per purpose (README, Layout): reads through {@link GraphReads} (routed to readers
 * on a cluster), writes through the driver, Neo4j's own API only where the embedded store itself is needed. A class
 * that reaches for another way fails here, naming itself.
 */
class DatabaseAccessTest {

	private static final Path MAIN = Path.of("src/main/java/com/powerkg");

	@Test
	void noMainClassReadsThroughSpringDataNeo4jsClient() throws IOException {
		assertThat(importing("org.springframework.data.neo4j.core.Neo4jClient")).isEmpty();
	}

	@Test
	void neo4jsOwnApiIsUsedOnlyForTheEmbeddedStoreItself() throws IOException {
		assertThat(importing("org.neo4j.graphdb.GraphDatabaseService"))
			.isNotEmpty()
			.allSatisfy(file -> assertThat(Path.of(file).startsWith(MAIN.resolve("graph")) || Path.of(file).startsWith(MAIN.resolve("history"))
					|| Path.of(file).equals(MAIN.resolve("collection/CollectionPlans.java"))
					|| Path.of(file).equals(MAIN.resolve("collection/EmbeddedPlanReads.java")))
				.as(file + " uses the embedded store's API").isTrue());
	}

	@Test
	void writesInSessionsShareTheBookmarksOfTheReads() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			assertThat(files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
				try {
					return Files.readString(f).contains(".session(");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map(Path::toString).toList()).containsExactly(MAIN.resolve("graph/WriteSessions.java").toString());
		}
	}

	private static List<String> importing(String type) throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
				try {
					return Files.readString(f).contains("import " + type + ";");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map(Path::toString).toList();
		}
	}

}
