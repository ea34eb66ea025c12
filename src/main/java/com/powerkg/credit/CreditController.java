package com.powerkg.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.portrait.CreditRating;
import com.powerkg.portrait.CustomerFilter;
import com.powerkg.portrait.CustomerProfile;
import com.powerkg.portrait.CustomerQueries;
import com.powerkg.portrait.PortraitParts;
import com.powerkg.portrait.PublishedRun;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.Figures;
import com.powerkg.security.AccessRefusedException;
import com.powerkg.security.Caller;
import com.powerkg.security.Role;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Credit ratings of customers, the what-if query, and each run's credit model. */
@Controller
class CreditController {

	private static final String INDICATORS = CypherResource.load(CreditController.class, "credit-indicators.cypher");

	private static final String RUN_FIGURES = CypherResource.load(CreditController.class, "credit-run-figures.cypher");

	private final GraphReads reads;

	private final CustomerQueries customers;

	private final CreditModelStore models;

	CreditController(GraphReads reads, CustomerQueries customers, CreditModelStore models) {
		this.reads = reads;
		this.customers = customers;
		this.models = models;
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<CreditRating> credit(CustomerProfile customer, DataLoader<PortraitParts.Key, Object> portraitParts) {
		return PortraitParts.of(portraitParts, customer, PortraitParts.Part.CREDIT);
	}

	@QueryMapping
	Credit.WhatIf creditWhatIf(@Argument String customerId, @Argument CustomerFilter.SegmentCondition segment,
			@Argument Credit.IndicatorChange indicator, @Argument Credit.RiskGroupChange group, GraphQLContext context) {
		if ((customerId == null) == (segment == null)) {
			throw new InvalidArgumentException("give exactly one of customerId and segment");
		}
		if ((indicator == null) == (group == null)) {
			throw new InvalidArgumentException("give exactly one of indicator and group");
		}
		if (segment != null) {
			segment.requireLevelOfDimension();
		}
		else {
			// ANALYST may ask over a segment (an aggregate), not about one customer
			AccessRefusedException.unlessAny(context.get(Caller.CONTEXT_KEY), "creditWhatIf for one customer", Role.MARKETING);
		}
		String creditRun = PublishedRun.creditRunIdFor(context, this.customers::publication);
		if (creditRun == null) {
			throw new InvalidArgumentException("no credit ratings are served yet: run analyze with imported credit outcomes first");
		}
		CreditModel model = this.models.served(creditRun);
		if (model == null) {
			throw new InvalidArgumentException("run " + creditRun + " kept no credit model to ask: run analyze again");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("creditRun", creditRun);
		params.put("customerId", customerId);
		params.put("dimension", segment == null ? null : segment.dimension());
		params.put("level", segment == null ? null : segment.level());
		params.put("runId", PublishedRun.idFor(context, this.customers::publication));
		List<double[]> rows = new ArrayList<>();
		this.reads.rows(INDICATORS, params).forEach(r -> {
			@SuppressWarnings("unchecked")
			var values = (List<Number>) r.get("indicators");
			rows.add(values.stream().mapToDouble(Number::doubleValue).toArray());
		});
		if (rows.isEmpty()) {
			throw new InvalidArgumentException(customerId != null ? "customer " + customerId + " has no credit rating"
					: "no rated customer is in " + segment.dimension() + " " + segment.level());
		}
		Credit.WhatIf whatIf = CreditWhatIf.over(model, rows, indicator, group, creditRun);
		if (customerId != null && whatIf.customersChanged() == 0) {
			throw new InvalidArgumentException("customer " + customerId + " has no " + indicator.indicator()
					+ " (missing data); a what-if cannot change what is not known");
		}
		return whatIf;
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	Credit.ModelSummary credit(AnalyticsRun run) {
		Figures c = run.figures();
		if (!c.has("creditStatus")) {
			return null;
		}
		List<Credit.GradeCount> gradeCounts = new ArrayList<>();
		List<String> grades = c.texts("creditGrades");
		List<Long> gradeCustomers = c.wholes("creditGradeCustomers");
		List<Double> gradeMeanPd = c.numbers("creditGradeMeanPd");
		for (int g = 0; g < grades.size(); g++) {
			gradeCounts.add(new Credit.GradeCount(grades.get(g), gradeCustomers.get(g), finite(gradeMeanPd.get(g))));
		}
		Credit.Drift drift = !c.has("creditDriftFired") ? null
				: new Credit.Drift(c.flag("creditDriftFired"), c.text("creditDriftAction"), c.texts("creditDriftReasons"),
						c.texts("creditDriftShifted"), c.number("creditDriftPsiThreshold"), c.whole("creditScoredCustomers"),
						c.whole("creditWithoutRecentHistory"));
		List<Credit.Pending> pending = new ArrayList<>();
		List<LocalDate> observed = c.dates("creditPendingObservedOn");
		List<LocalDate> windowEnds = c.dates("creditPendingWindowEnds");
		List<Long> outcomes = c.wholes("creditPendingOutcomes");
		for (int i = 0; i < observed.size(); i++) {
			pending.add(new Credit.Pending(observed.get(i), windowEnds.get(i), outcomes.get(i)));
		}
		var labels = new Credit.Labels(orZero(c.whole("creditOutcomeWindowMonths")), orZero(c.whole("creditOutcomesUsable")), pending);
		List<Long> confusion = c.wholes("creditConfusion");
		return new Credit.ModelSummary(run.id(), c.text("creditStatus"), c.text("creditMessage"), c.text("creditRun"),
				c.text("creditModel"), c.number("creditAuc"), c.number("creditKs"), c.number("creditGini"),
				c.number("creditAucFloor"), c.number("creditChampionMargin"), c.number("creditThreshold"),
				confusion.isEmpty() ? null : new Credit.ConfusionMatrix(confusion.get(0), confusion.get(1), confusion.get(2), confusion.get(3)),
				c.whole("creditTrainingRows"), c.whole("creditHeldOutRows"), c.whole("creditBoostingRows"), c.number("creditDefaultRate"),
				c.numbers("creditCutoffs"), drift, labels, gradeCounts, c.number("creditSeconds"));
	}

	@BatchMapping(typeName = "CreditModelSummary")
	Map<Credit.ModelSummary, List<Credit.ModelQuality>> models(List<Credit.ModelSummary> summaries) {
		return perSummary(summaries, "models", CreditController::modelQuality);
	}

	@BatchMapping(typeName = "CreditModelSummary")
	Map<Credit.ModelSummary, List<Credit.IndicatorFigures>> indicators(List<Credit.ModelSummary> summaries) {
		return perSummary(summaries, "indicators", CreditController::indicatorFigures);
	}

	/** One read of the runs' figures for the whole batch; each summary gets the rows under {@code key}, mapped. */
	private <T> Map<Credit.ModelSummary, List<T>> perSummary(List<Credit.ModelSummary> summaries, String key,
			Function<Figures, T> map) {
		List<String> runs = summaries.stream().map(Credit.ModelSummary::runId).distinct().toList();
		Map<String, Figures> figures = new HashMap<>();
		this.reads.records(RUN_FIGURES, Map.of("runs", runs))
			.forEach(row -> figures.put(row.get("runId").asString(), new Figures(row)));
		Map<Credit.ModelSummary, List<T>> result = new HashMap<>();
		for (Credit.ModelSummary summary : summaries) {
			Figures run = figures.get(summary.runId());
			result.put(summary, run == null ? List.of() : run.rows(key).stream().map(map).toList());
		}
		return result;
	}

	private static Credit.ModelQuality modelQuality(Figures m) {
		List<Credit.Decile> deciles = new ArrayList<>();
		List<Long> customers = m.wholes("calibrationCustomers");
		List<Double> pd = m.numbers("calibrationPd");
		List<Double> observed = m.numbers("calibrationObserved");
		for (int d = 0; d < customers.size(); d++) {
			deciles.add(new Credit.Decile(d + 1, customers.get(d), pd.get(d), observed.get(d)));
		}
		return new Credit.ModelQuality(m.text("model"), Boolean.TRUE.equals(m.flag("champion")), m.text("message"),
				m.whole("customers"), finite(m.number("auc")), finite(m.number("ks")), finite(m.number("gini")),
				finite(m.number("monotoneViolations")), deciles, m.texts("indicators"), m.numbers("coefficients"));
	}

	private static Credit.IndicatorFigures indicatorFigures(Figures i) {
		List<Double> cuts = i.numbers("cuts");
		List<Double> woe = i.numbers("woe");
		List<Long> good = i.wholes("good");
		List<Long> bad = i.wholes("bad");
		List<Long> scored = i.wholes("scored");
		List<Credit.Bin> bins = new ArrayList<>();
		int k = woe.size() - 1;
		for (int b = 0; b <= k; b++) {
			boolean missing = b == k;
			long rows = good.get(b) + bad.get(b);
			bins.add(new Credit.Bin(missing || b == 0 ? null : cuts.get(b - 1), missing || b == k - 1 ? null : cuts.get(b), missing,
					woe.get(b), rows, rows == 0 ? null : (double) bad.get(b) / rows, scored.isEmpty() ? 0 : scored.get(b)));
		}
		CreditIndicator indicator = CreditIndicator.valueOf(i.text("indicator"));
		return new Credit.IndicatorFigures(indicator.name(), indicator.group().name(), Boolean.TRUE.equals(i.flag("used")),
				i.number("informationValue"), finite(i.number("populationStability")), i.whole("direction").intValue(), bins);
	}

	private static long orZero(Long v) {
		return v == null ? 0 : v;
	}

	/** NaN and infinities have no JSON form: null. */
	private static Double finite(Double v) {
		return v == null || !Double.isFinite(v) ? null : v;
	}

}
