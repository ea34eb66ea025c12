package com.powerkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.powerkg.analytics.AnalyticsService;
import com.powerkg.credit.CreditStage;
import com.powerkg.segmentation.Dimension;
import com.powerkg.segmentation.DimensionSegmenter;
import com.powerkg.segmentation.Feature;
import com.powerkg.segmentation.SegmentPicture;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.SegmentationStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = "Compute portrait tags, value segments and credit ratings as of a date and publish them as one run.")
class AnalyzeCommand implements Callable<Integer> {

	@ParentCommand
	PowerKgCommand parent;

	@Spec
	CommandSpec spec;

	@Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date of the analysis")
	LocalDate asOf;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		var console = this.spec.commandLine().getOut();
		return SpringJob.run(this.parent.application(), this.settings, context -> {
			AnalyticsService.Outcome outcome = context.getBean(AnalyticsService.class).run(this.asOf);
			var tags = outcome.tags();
			console.printf("run %s published (as of %s)%n", outcome.runId(), this.asOf);
			console.printf("histories: %,d customers read once in %.1f s (%,.0f customers/s): tags, features, credit indicators, "
					+ "channel mixes, plan%n", tags.customersAnalysed(), tags.duration().toMillis() / 1000.0, tags.customersPerSecond());
			console.println("tags:");
			tags.customersPerTag().forEach((code, n) -> console.printf("  %-22s %,8d customers%n", code, n));
			var segments = outcome.segments();
			console.printf("segments: %,d customers, clustering %.1f s, writing %.1f s%n", segments.customersAnalysed(),
					seconds(segments.clusteringTime()), seconds(segments.writeTime()));
			for (var dimension : segments.dimensions()) {
				printDimension(console, dimension);
			}
			writePictures(console, outcome.runId(), segments, context.getBean(SegmentationProperties.class).reportsDirectory());
			if (segments.comparedWithRun() != null) {
				long moved = segments.transitions().stream()
					.filter(t -> t.from() != null && !t.from().equals(t.to()))
					.mapToLong(SegmentationStage.Transition::customers)
					.sum();
				long unsegmented = segments.transitions().stream().filter(t -> t.from() == null)
					.mapToLong(SegmentationStage.Transition::customers)
					.sum();
				console.printf("  compared with run %s: %,d level changes, %,d memberships new (not segmented then)%n",
						segments.comparedWithRun(), moved, unsegmented);
			}
			printCredit(console, outcome.credit());
			var plan = outcome.plan();
			var w = plan.workload();
			console.printf("collection plan for %s: %,d tasks, %,d contacts against %,d in the uniform four-round baseline (%.1f %% less)%n",
					plan.date(), plan.tasks().size(), w.planContacts(), w.baselineContacts(), w.reductionPercent());
			return 0;
		});
	}

	/** The credit stage: labels, every model's held-out quality, the indicators' IV and PSI, the drift gate, the grades. */
	private static void printCredit(PrintWriter console, CreditStage.Result credit) {
		var labels = credit.labels();
		console.printf("credit labels: %,d outcomes usable (%d-month window ended by the as-of date)%s%n", labels.usable(),
				labels.windowMonths(), labels.pending().isEmpty() ? "" : "; " + labels.describePending());
		var m = credit.metrics();
		if (m != null) {
			console.printf("credit model (%s, the champion): trained on %,d outcomes (%.1f %% defaulted); held out %,d: AUC %.3f, KS %.3f, "
					+ "Gini %.3f, confusion at PD >= %.2f: %d true / %d false alarms, %d missed / %d right%n", credit.champion(),
					credit.trainingRows(), 100 * credit.trainingDefaultRate(), m.customers(), m.auc(), m.ks(), m.gini(), m.threshold(),
					m.truePositives(), m.falsePositives(), m.falseNegatives(), m.trueNegatives());
			for (var trained : credit.models()) {
				if (trained.metrics() == null) {
					console.printf("  %-14s not trained: %s%n", trained.kind(), trained.failure());
					continue;
				}
				var q = trained.metrics();
				console.printf("  %-14s held-out AUC %.3f, KS %.3f, Gini %.3f%s%s%n", trained.kind(), q.auc(), q.ks(), q.gini(),
						trained.kind() == credit.champion() ? "  (champion)" : "", trained.failure() == null ? "" : "; " + trained.failure());
			}
			console.printf("  calibration of %s by PD decile (mean PD -> observed default rate): %s%n", credit.champion(),
					String.join(", ", m.calibration().stream()
						.map(d -> String.format(Locale.ROOT, "%.3f->%.3f", d.meanProbabilityOfDefault(), d.observedDefaultRate()))
						.toList()));
			console.println("credit indicators (information value; population stability, training -> scored):");
			credit.indicators().stream()
				.sorted(Comparator.comparingDouble(CreditStage.IndicatorFigures::informationValue).reversed())
				.forEach(i -> console.printf("  %-28s IV %.3f  PSI %s%s%n", i.indicator(), i.informationValue(),
						Double.isNaN(i.populationStability()) ? "-" : String.format(Locale.ROOT, "%.3f", i.populationStability()),
						i.used() ? "" : "  (not in the model)"));
		}
		var drift = credit.drift();
		if (drift != null) {
			console.printf("credit drift gate: %s%s%n", drift.fired() ? (credit.flagged() ? "FIRED, ratings published flagged: "
					: "FIRED, ratings not replaced: ") : "passed",
					drift.fired() ? String.join("; ", drift.reasons())
							: String.format(Locale.ROOT, " (%.0f %% of customers without a recent bill, no important indicator shifted)",
									100 * drift.shareWithoutRecentHistory()));
		}
		console.printf("credit: %s, %s (%.1f s)%n", credit.status(), credit.message(), credit.duration().toMillis() / 1000.0);
		credit.customersPerGrade().forEach((grade, n) -> console.printf("  %-4s %,8d customers%s%n", grade, n,
				n == 0 ? "" : String.format(Locale.ROOT, ", mean PD %.3f", credit.meanPdPerGrade().get(grade))));
	}

	/** Levels with sizes, shares and ranges, exclusions, naming, the features' distributions and warnings of a dimension. */
	static void printDimension(PrintWriter console, DimensionSegmenter.Result dimension) {
		var chosen = dimension.chosenTrial();
		console.printf("  %-20s k=%d%s silhouette %s  %s%n", dimension.dimension(), dimension.k(), dimension.automatic() ? " (auto)" : "",
				chosen == null ? "-" : String.format(Locale.ROOT, "%.3f", chosen.silhouette()), dimension.customersPerLevel());
		Feature defining = dimension.definingFeature();
		for (var level : dimension.levels()) {
			String range = Double.isNaN(level.definingFrom()) ? ""
					: String.format(Locale.ROOT, "  %s %s .. %s", defining.code(), defining.format(level.definingFrom()),
							defining.format(level.definingTo()));
			String reasons = level.reasons().isEmpty() ? "" : "  " + level.reasons();
			console.printf(Locale.ROOT, "    %-20s %,8d %5.1f %%%s%s%s%n", level.level(), level.customers(), 100 * level.share(),
					level.clustered() ? "" : "  not clustered", range, reasons);
		}
		for (var decision : dimension.naming()) {
			if (decision.renamed()) {
				console.printf("    named: cluster %d would be %s but fails \"%s\" (%s): %s%n", decision.rank() + 1, decision.positional(),
						decision.anchor(), dimension.dimension() == Dimension.GROWTH_POTENTIAL
								? String.format(Locale.ROOT, "%+.1f %%", 100 * decision.value())
								: String.format(Locale.ROOT, "%.3f", decision.value()), decision.level());
			}
		}
		if (dimension.clustered() > 0) {
			console.println("    features (p1 / p50 / p99 in original units -> after transform; capped below / above):");
		}
		for (var f : dimension.distributions()) {
			if (f.customers() == 0) {
				continue;
			}
			console.printf(Locale.ROOT, "      %-21s %-8s w=%.2f  %s / %s / %s -> %.3g / %.3g / %.3g; capped %,d / %,d; imputed %,d%n",
					f.feature().code(), f.feature().transform(), f.clusterWeight(), f.feature().format(f.raw()[1]),
					f.feature().format(f.raw()[4]), f.feature().format(f.raw()[7]), f.transformed()[1],
					f.transformed()[4], f.transformed()[7], f.cappedBelow(), f.cappedAbove(), f.imputed());
		}
		for (var warning : dimension.warnings()) {
			console.printf("    warning %s: %s%n", warning.kind(), warning.message());
		}
	}

	/** One SVG per dimension under {@code <reports-directory>/segments-<run>/}; a failure to write is reported, not fatal. */
	static void writePictures(PrintWriter console, String runId, SegmentationStage.Result segments, Path directory) {
		if (segments.dimensions().isEmpty()) {
			return;
		}
		Path folder = directory.resolve("segments-" + runId);
		try {
			Files.createDirectories(folder);
			for (var dimension : segments.dimensions()) {
				Files.writeString(folder.resolve(dimension.dimension() + ".svg"), SegmentPicture.svg(dimension));
			}
			console.printf("  pictures: %s/<dimension>.svg%n", folder);
		}
		catch (IOException ex) {
			console.printf("  pictures not written to %s: %s%n", folder, ex.getMessage());
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
