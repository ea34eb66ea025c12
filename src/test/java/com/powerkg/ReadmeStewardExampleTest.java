package com.powerkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's steward example names the highest script in {@code cypher/migrations/} and the next free version: a
 * steward who follows it gets a script that is applied, not one refused as a duplicate of a product migration.
 */
class ReadmeStewardExampleTest {

	private static final Pattern EXAMPLE = Pattern.compile("after `(V(\\d{4})__\\w+\\.cypher)` a `V(\\d{4})__\\w+\\.cypher`");

	@Test
	void theStewardExampleFollowsTheHighestProductMigration() throws IOException {
		Matcher example = EXAMPLE.matcher(Files.readString(Path.of("README.md")));
		assertThat(example.find()).as("the README's steward example (after `V....__x.cypher` a `V....__y.cypher`)").isTrue();
		String highest;
		try (Stream<Path> scripts = Files.list(Path.of("cypher/migrations"))) {
			highest = scripts.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d{4}__.*\\.cypher")).sorted()
				.reduce((a, b) -> b).orElseThrow();
		}
		assertThat(example.group(1)).as("the script the example follows").isEqualTo(highest);
		assertThat(Integer.parseInt(example.group(3))).as("the example's version").isEqualTo(Integer.parseInt(example.group(2)) + 1);
	}

}
