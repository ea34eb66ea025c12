package com.powerkg.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.powerkg.analytics.AnalyticsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = "Compute portrait tags as of a date and publish them as one run (segments and credit follow).")
class AnalyzeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date of the analysis")
	LocalDate asOf;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		var console = this.spec.commandLine().getOut();
		return SpringJob.run(this.settings, context -> {
			AnalyticsService.Outcome outcome = context.getBean(AnalyticsService.class).run(this.asOf);
			var tags = outcome.tags();
			console.printf("run %s published (as of %s)%n", outcome.runId(), this.asOf);
			console.printf("tags: %,d customers in %.1f s (%,.0f customers/s)%n", tags.customersAnalysed(),
					tags.duration().toMillis() / 1000.0, tags.customersPerSecond());
			tags.customersPerTag().forEach((code, n) -> console.printf("  %-22s %,8d customers%n", code, n));
			console.println("segments: not computed yet (value segmentation is planned)");
			console.println("credit: not computed yet (credit rating is planned)");
			return 0;
		});
	}

}
