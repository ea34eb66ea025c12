package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

	private static final GeneratorConfig SMALL = GeneratorConfig.of(300, 14, 42);

	@TempDir
	Path dir;

	@Test
	void sameConfigWritesByteIdenticalFiles() throws IOException {
		new DataGenerator().generate(SMALL, dir.resolve("a"));
		new DataGenerator().generate(SMALL, dir.resolve("b"));

		for (String file : GeneratedData.FILES) {
			assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
					.as(file)
					.isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
		}
	}

	@Test
	void differentSeedWritesDifferentCustomers() throws IOException {
		new DataGenerator().generate(SMALL, dir.resolve("a"));
		new DataGenerator().generate(GeneratorConfig.of(300, 14, 43), dir.resolve("b"));

		assertThat(Files.readString(dir.resolve("b/customers.csv")))
				.isNotEqualTo(Files.readString(dir.resolve("a/customers.csv")));
	}

	@Test
	void aCustomerDoesNotDependOnHowManyCustomersAreGenerated() throws IOException {
		new DataGenerator().generate(GeneratorConfig.of(50, 14, 42), dir.resolve("few"));
		new DataGenerator().generate(SMALL, dir.resolve("many"));

		List<String> few = Files.readAllLines(dir.resolve("few/customers.csv"));
		List<String> many = Files.readAllLines(dir.resolve("many/customers.csv"));
		assertThat(many.subList(0, few.size())).isEqualTo(few);
	}

	@Test
	void reportsDataRowsPerFileInContractOrder() throws IOException {
		GenerationReport report = new DataGenerator().generate(SMALL, dir);

		assertThat(report.extractDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(report.rowsPerFile().keySet()).containsExactlyElementsOf(GeneratedData.FILES);
		for (String file : GeneratedData.FILES) {
			assertThat(report.rowsPerFile().get(file)).as(file)
					.isEqualTo(Files.readAllLines(dir.resolve(file)).size() - 1L);
		}
		assertThat(report.rowsPerFile().get("customers.csv")).isEqualTo(300L);
		assertThat(report.rowsPerFile().get("consumption.csv")).isEqualTo(300L * 14);
		assertThat(report.rowsPerFile().get("bills.csv")).isEqualTo(300L * 14);
	}

	@Test
	void reportsProgressEveryTenThousandCustomersAndAtTheEnd() throws IOException {
		List<Long> calls = new ArrayList<>();
		new DataGenerator(calls::add).generate(GeneratorConfig.of(20_500, 1, 1), dir);

		assertThat(calls).containsExactly(10_000L, 20_000L, 20_500L);
	}

	@Test
	void overwritesFilesOfAnEarlierRunInTheSameDirectory() throws IOException {
		new DataGenerator().generate(GeneratorConfig.of(400, 14, 1), dir);
		GenerationReport second = new DataGenerator().generate(GeneratorConfig.of(20, 14, 1), dir);

		for (String file : GeneratedData.FILES) {
			assertThat(Files.readAllLines(dir.resolve(file))).as(file).hasSize((int) (second.rowsPerFile().get(file) + 1));
		}
		assertThat(second.rowsPerFile().get("customers.csv")).isEqualTo(20L);
	}

	@Test
	void createsTheOutputDirectoryWithParents() throws IOException {
		Path nested = dir.resolve("x/y/z");
		new DataGenerator().generate(GeneratorConfig.of(5, 3, 1), nested);

		assertThat(nested.resolve("customers.csv")).isRegularFile();
	}

	@Test
	void writesNoCreditOutcomesWithoutTwelveMonthsOfHistoryBeforeTheWindow() throws IOException {
		GenerationReport report = new DataGenerator().generate(GeneratorConfig.of(200, 12, 42), dir);

		assertThat(report.rowsPerFile().get("credit_outcomes.csv")).isZero();
		assertThat(Files.readAllLines(dir.resolve("credit_outcomes.csv")))
				.containsExactly("customer_id,observed_on,defaulted");
	}
}
