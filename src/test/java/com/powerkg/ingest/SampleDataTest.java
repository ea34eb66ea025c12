package com.powerkg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample is what a fresh start shows. It must be exactly the generator's output (so anyone can
 * regenerate it); that it loads without a single reject into an empty database at start-up, and is analysed there, is
 * checked on the fresh start {@code SampleAnalyticsTest} makes anyway (one start of the sample less in the suite).
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

}
