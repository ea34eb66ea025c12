package com.powerkg.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = "Compute tags, segments and credit ratings as of a date and publish them as one run.")
class AnalyzeCommand implements Callable<Integer> {

	@Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date of the analysis")
	LocalDate asOf;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		// issues B, C, D and G build the analytics batch; until then say so instead of pretending
		throw new JobFailedException("analyze is not implemented yet (portrait tags, segments and credit rating are planned)");
	}

}
