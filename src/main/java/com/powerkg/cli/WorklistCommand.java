package com.powerkg.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "worklist", mixinStandardHelpOptions = true,
		description = "Export the fee-collection worklist for a dunning date as CSV.")
class WorklistCommand implements Callable<Integer> {

	@Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "dunning date")
	LocalDate date;

	@Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
	Path out;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		throw new JobFailedException("worklist is not implemented yet (the fee-collection planner is planned)");
	}

}
