package com.powerkg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import a directory of contract CSV files; invalid rows go to a reject report, all valid rows are imported.")
class ImportCommand implements Callable<Integer> {

	private static final int REJECTS_SHOWN = 20;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "directory with customers.csv and the optional files")
	Path directory;

	@Option(names = "--rejects", paramLabel = "FILE", description = "reject report (default: reports/import-<time>-rejects.csv)")
	Path rejects;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		var console = this.spec.commandLine().getOut();
		return SpringJob.run(this.settings, context -> {
			CsvImporter importer = context.getBean(CsvImporter.class);
			ImportReport report = (this.rejects != null) ? importer.importDirectory(this.directory, this.rejects)
					: importer.importDirectory(this.directory);
			for (ImportReport.FileResult file : report.files()) {
				if (file.present()) {
					console.printf("%-22s %,10d read %,10d imported %,8d rejected %,10.0f rows/s%n", file.file().fileName(),
							file.rowsRead(), file.rowsImported(), file.rowsRejected(), file.rowsPerSecond());
				}
				else {
					console.printf("%-22s not present%n", file.file().fileName());
				}
			}
			report.rejects().stream().limit(REJECTS_SHOWN).forEach(r -> console.println("rejected " + r));
			if (report.rejects().size() > REJECTS_SHOWN) {
				console.printf("... more rejects in %s%n", report.rejectFile().map(Object::toString).orElse("the reject report"));
			}
			console.println(report.summary());
			return 0;
		});
	}

}
