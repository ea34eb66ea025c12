package com.powerkg.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics stages share the customer's history (com.powerkg.history), not each other's code: a stage that
 * imports another stage's package makes them a chain again (credit used to compute segmentation's value features for
 * two of its indicators). A file that does fails here, naming itself and the import.
 */
class StagesApartTest {

	private static final Path MAIN = Path.of("src/main/java/com/powerkg");

	private static final List<String> STAGES = List.of("tagging", "segmentation", "credit");

	@Test
	void noStageImportsAnother() throws IOException {
		List<String> found = new ArrayList<>();
		for (String stage : STAGES) {
			try (Stream<Path> files = Files.walk(MAIN.resolve(stage))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					for (String line : Files.readAllLines(file)) {
						for (String other : STAGES) {
							if (!other.equals(stage) && line.startsWith("import com.powerkg." + other + ".")) {
								found.add(file + ": " + line);
							}
						}
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
