package com.powerkg.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator and the importer implement one contract: the files one writes are the files the other reads. */
class ContractAgreementTest {

	@Test
	void generatorWritesExactlyTheImportersFilesAndColumns(@TempDir Path tmp) throws IOException {
		new DataGenerator(done -> {
		}).generate(new GeneratorConfig(5, 2, 1, GeneratorConfig.DEFAULT_LAST_PERIOD), tmp);

		for (ContractFile file : ContractFile.values()) {
			try (BufferedReader reader = Files.newBufferedReader(tmp.resolve(file.fileName()), StandardCharsets.UTF_8)) {
				List<String> header = List.of(reader.readLine().split(",", -1));
				assertThat(header).as(file.fileName()).containsExactlyElementsOf(file.columns().stream().map(Column::name).toList());
			}
		}
		try (var files = Files.list(tmp)) {
			assertThat(files.count()).isEqualTo(ContractFile.values().length);
		}
	}

}
