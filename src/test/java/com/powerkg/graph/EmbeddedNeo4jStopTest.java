package com.powerkg.graph;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import com.powerkg.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Driver;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stop of the service closes its driver of the embedded database, then the database, and says nothing about it. */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedNeo4jStopTest {

	@Test
	void aStopClosesTheDriverAndThenTheDatabaseWithoutAWarning(CapturedOutput output) {
		Path store = TestNeo4j.migratedStore();
		AtomicReference<Driver> driver = new AtomicReference<>();
		AtomicReference<EmbeddedNeo4j> neo4j = new AtomicReference<>();
		new ApplicationContextRunner().withUserConfiguration(EmbeddedNeo4jConfiguration.class)
			.withBean(EmbeddedNeo4jProperties.class, () -> TestNeo4j.embedded(store))
			.run(context -> {
				driver.set(context.getBean(Driver.class));
				neo4j.set(context.getBean(EmbeddedNeo4j.class));
				assertThat(driver.get().executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt()).isOne();
			});
		assertThatThrownBy(() -> driver.get().session()).as("the driver is closed").isInstanceOf(IllegalStateException.class);
		assertThat(available(neo4j.get())).as("the database is stopped").isFalse();
		assertThat(output.getAll()).doesNotContain("destroy method").doesNotContain("Exception");
	}

	private static boolean available(EmbeddedNeo4j neo4j) {
		try {
			return neo4j.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable();
		}
		catch (RuntimeException stopped) {
			return false;
		}
	}

}
