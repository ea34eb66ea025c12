package com.powerkg.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GenerationReport;
import com.powerkg.generate.GeneratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Write realistic, deterministic sample data in the import format (DATA-CONTRACT.md).")
class GenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--customers", required = true, description = "number of customers")
	int customers;

	@Option(names = "--months", required = true, description = "months of history (1..120)")
	int months;

	@Option(names = "--seed", defaultValue = "42", description = "random seed; same seed, same files (default ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--last-period", description = "newest billing period YYYY-MM (default 2026-10)")
	YearMonth lastPeriod;

	@Option(names = "--out", required = true, description = "output directory (created if missing)")
	Path out;

	@Override
	public Integer call() throws Exception {
		var config = new GeneratorConfig(this.customers, this.months, this.seed,
				(this.lastPeriod != null) ? this.lastPeriod : GeneratorConfig.DEFAULT_LAST_PERIOD);
		var console = this.spec.commandLine().getOut();
		GenerationReport report = new DataGenerator(done -> console.printf("generated %,d of %,d customers%n", done,
				config.customers())).generate(config, this.out);
		report.rowsPerFile().forEach((file, rows) -> console.printf("%-22s %,12d rows%n", file, rows));
		console.printf("data extracted as of %s, written to %s%n", report.extractDate(), this.out.toAbsolutePath());
		return 0;
	}

}
