package com.powerkg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.powerkg.TestNeo4j;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import com.powerkg.tagging.TagCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample is what a fresh start shows. It must be exactly the generator's output (so anyone can
 * regenerate it) and load without a single reject into an empty database at start-up.
 */
class SampleDataTest {

	private static final Path SAMPLE = Path.of("seed/sample");

	@Test
	void committedSampleIsTheGeneratorsOutputByteForByte(@TempDir Path tmp) throws IOException {
		new DataGenerator(done -> {
		}).generate(new GeneratorConfig(2000, 24, 42, GeneratorConfig.DEFAULT_LAST_PERIOD), tmp);

		try (var files = Files.list(tmp)) {
			for (Path generated : files.toList()) {
				assertThat(Files.mismatch(generated, SAMPLE.resolve(generated.getFileName())))
					.as(generated.getFileName() + " differs from the committed sample: regenerate it (seed/README.md)")
					.isEqualTo(-1L);
			}
		}
	}

	@Test
	@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
	void freshStartLoadsTheWholeSampleWithoutRejectsAndEveryTagOccursWithEvidence() {
		try (var context = new SpringApplicationBuilder(com.powerkg.PowerKgApplication.class).web(WebApplicationType.NONE)
			.run("--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(), "--powerkg.neo4j.embedded.bolt-port=0",
					"--powerkg.import.reports-directory=target/test-reports/sample")) {
			Driver driver = context.getBean(Driver.class);
			var counts = driver.executableQuery("""
					CALL () { MATCH (c:Customer) RETURN count(c) AS customers }
					CALL () { MATCH (b:Bill) RETURN count(b) AS bills }
					CALL () { MATCH (p:Payment) RETURN count(p) AS payments }
					RETURN customers, bills, payments""").execute().records().getFirst();
			assertThat(counts.get("customers").asLong()).isEqualTo(2000);
			assertThat(counts.get("bills").asLong()).isEqualTo(lines("bills.csv"));
			assertThat(counts.get("payments").asLong()).isEqualTo(lines("payments.csv"));
			assertThat(Path.of("target/test-reports/sample")).as("no reject report: nothing was rejected")
				.satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

			var runs = context.getBean(AnalyticsService.class).latest(1);
			assertThat(runs).as("the sample is analysed at start-up").singleElement().satisfies(run -> {
				assertThat(run.current()).isTrue();
				assertThat(run.asOf()).isEqualTo(GeneratorConfig.DEFAULT_LAST_PERIOD.plusMonths(1).atDay(20));
				assertThat(run.tagCounts()).as("every tag of SPEC §3 occurs in the sample").hasSize(TagCode.values().length)
					.allSatisfy((tag, customers) -> assertThat(customers).as(tag).isPositive());
			});
			long withoutEvidence = driver.executableQuery("MATCH ()-[h:HAS_TAG]->() WHERE size(h.evidence) = 0 OR h.explanation IS NULL RETURN count(h) AS n")
				.execute().records().getFirst().get("n").asLong();
			assertThat(withoutEvidence).isZero();
		}
	}

	private static long lines(String file) {
		try (var lines = Files.lines(SAMPLE.resolve(file))) {
			return lines.count() - 1;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
