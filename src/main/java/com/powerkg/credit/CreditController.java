package com.powerkg.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
		double before = 0;
		double after = 0;
		double pdBefore = 0;
		double pdAfter = 0;
		Map<String, Long> gradesBefore = grades();
		Map<String, Long> gradesAfter = grades();
		int unchanged = 0;
		for (double[] raw : rows) {
			double[] changed = (indicator != null)
					? CreditModel.changed(raw, CreditIndicator.valueOf(indicator.indicator()), indicator.by())
					: model.worsened(raw, CreditIndicator.RiskGroup.valueOf(group.group()), group.standardDeviations());
			if (changed == null) {
				// the customer has no value for this indicator: nothing to change
				changed = raw;
				unchanged++;
			}
			double s0 = model.score(raw);
			double s1 = model.score(changed);
			double p0 = model.probabilityOfDefault(s0);
			double p1 = model.probabilityOfDefault(s1);
			before += s0 / rows.size();
			after += s1 / rows.size();
			pdBefore += p0 / rows.size();
			pdAfter += p1 / rows.size();
			gradesBefore.merge(model.grade(p0), 1L, Long::sum);
			gradesAfter.merge(model.grade(p1), 1L, Long::sum);
		}
		if (customerId != null && unchanged == 1) {
			throw new InvalidArgumentException("customer " + customerId + " has no " + indicator.indicator()
					+ " (missing data); a what-if cannot change what is not known");
		}
		Boolean inModel = indicator == null ? null : model.used().contains(CreditIndicator.valueOf(indicator.indicator()));
		return new Credit.WhatIf(rows.size(), rows.size() - unchanged, before, after, pdBefore, pdAfter, counts(gradesBefore),
				counts(gradesAfter), inModel, creditRun);
	}

	private static Map<String, Long> grades() {
		Map<String, Long> grades = new LinkedHashMap<>();
		CreditModel.GRADES.forEach(g -> grades.put(g, 0L));
		return grades;
	}

	private static List<Credit.GradeCount> counts(Map<String, Long> grades) {
		return grades.entrySet().stream().map(e -> new Credit.GradeCount(e.getKey(), e.getValue(), null)).toList();
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	@SuppressWarnings("unchecked")
	Credit.ModelSummary credit(AnalyticsRun run) {
		Map<String, Object> c = run.credit();
		if (c.get("creditStatus") == null) {
			return null;
		}
		List<Number> confusion = (List<Number>) c.get("creditConfusion");
		List<Credit.GradeCount> gradeCounts = new ArrayList<>();
		List<String> grades = (List<String>) c.getOrDefault("creditGrades", List.of());
		for (int g = 0; g < grades.size(); g++) {
			long n = ((List<Number>) c.get("creditGradeCustomers")).get(g).longValue();
			double pd = ((List<Number>) c.get("creditGradeMeanPd")).get(g).doubleValue();
			gradeCounts.add(new Credit.GradeCount(grades.get(g), n, finite(pd)));
		}
		Credit.Drift drift = c.get("creditDriftFired") == null ? null
				: new Credit.Drift((Boolean) c.get("creditDriftFired"), (String) c.get("creditDriftAction"),
						(List<String>) c.get("creditDriftReasons"), (List<String>) c.get("creditDriftShifted"),
						number(c, "creditDriftPsiThreshold"), whole(c, "creditScoredCustomers"), whole(c, "creditWithoutRecentHistory"));
		List<Credit.Pending> pending = new ArrayList<>();
		List<LocalDate> observed = (List<LocalDate>) c.getOrDefault("creditPendingObservedOn", List.of());
		for (int i = 0; i < observed.size(); i++) {
			pending.add(new Credit.Pending(observed.get(i), ((List<LocalDate>) c.get("creditPendingWindowEnds")).get(i),
					((List<Number>) c.get("creditPendingOutcomes")).get(i).longValue()));
		}
		var labels = new Credit.Labels(c.get("creditOutcomeWindowMonths") == null ? 0 : whole(c, "creditOutcomeWindowMonths"),
				c.get("creditOutcomesUsable") == null ? 0 : whole(c, "creditOutcomesUsable"), pending);
		return new Credit.ModelSummary(run.id(), (String) c.get("creditStatus"), (String) c.get("creditMessage"), (String) c.get("creditRun"),
				(String) c.get("creditModel"), number(c, "creditAuc"), number(c, "creditKs"), number(c, "creditGini"),
				number(c, "creditAucFloor"), number(c, "creditChampionMargin"), number(c, "creditThreshold"),
				confusion == null ? null : new Credit.ConfusionMatrix(confusion.get(0).longValue(), confusion.get(1).longValue(),
						confusion.get(2).longValue(), confusion.get(3).longValue()),
				whole(c, "creditTrainingRows"), whole(c, "creditHeldOutRows"), whole(c, "creditBoostingRows"), number(c, "creditDefaultRate"),
				c.get("creditCutoffs") == null ? List.of() : ((List<Number>) c.get("creditCutoffs")).stream().map(Number::doubleValue).toList(),
				drift, labels, gradeCounts, number(c, "creditSeconds"));
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
			Function<Map<String, Object>, T> map) {
		Map<String, Map<String, Object>> figures = runFigures(summaries);
		Map<Credit.ModelSummary, List<T>> result = new HashMap<>();
		for (Credit.ModelSummary summary : summaries) {
			result.put(summary, rows(figures.get(summary.runId()).get(key)).stream().map(map).toList());
		}
		return result;
	}

	private Map<String, Map<String, Object>> runFigures(List<Credit.ModelSummary> summaries) {
		Map<String, Map<String, Object>> figures = new HashMap<>();
		List<String> runs = summaries.stream().map(Credit.ModelSummary::runId).distinct().toList();
		runs.forEach(id -> figures.put(id, Map.of("models", List.of(), "indicators", List.of())));
		this.reads.rows(RUN_FIGURES, Map.of("runs", runs)).forEach(row -> figures.put((String) row.get("runId"), row));
		return figures;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object list) {
		return (List<Map<String, Object>>) list;
	}

	@SuppressWarnings("unchecked")
	private static Credit.ModelQuality modelQuality(Map<String, Object> m) {
		List<Credit.Decile> deciles = new ArrayList<>();
		List<Number> customers = (List<Number>) m.getOrDefault("calibrationCustomers", List.of());
		for (int d = 0; d < (customers == null ? 0 : customers.size()); d++) {
			deciles.add(new Credit.Decile(d + 1, customers.get(d).longValue(),
					((List<Number>) m.get("calibrationPd")).get(d).doubleValue(), ((List<Number>) m.get("calibrationObserved")).get(d).doubleValue()));
		}
		List<Number> coefficients = (List<Number>) m.get("coefficients");
		List<String> indicators = (List<String>) m.get("indicators");
		return new Credit.ModelQuality((String) m.get("model"), Boolean.TRUE.equals(m.get("champion")), (String) m.get("message"),
				whole(m, "customers"), finite(number(m, "auc")), finite(number(m, "ks")), finite(number(m, "gini")),
				finite(number(m, "monotoneViolations")), deciles,
				indicators == null ? List.of() : indicators,
				coefficients == null ? List.of() : coefficients.stream().map(Number::doubleValue).toList());
	}

	@SuppressWarnings("unchecked")
	private static Credit.IndicatorFigures indicatorFigures(Map<String, Object> i) {
		List<Number> cuts = (List<Number>) i.get("cuts");
		List<Number> woe = (List<Number>) i.get("woe");
		List<Number> good = (List<Number>) i.get("good");
		List<Number> bad = (List<Number>) i.get("bad");
		List<Number> scored = (List<Number>) i.get("scored");
		List<Credit.Bin> bins = new ArrayList<>();
		int k = woe.size() - 1;
		for (int b = 0; b <= k; b++) {
			boolean missing = b == k;
			long rows = good.get(b).longValue() + bad.get(b).longValue();
			bins.add(new Credit.Bin(missing || b == 0 ? null : cuts.get(b - 1).doubleValue(),
					missing || b == k - 1 ? null : cuts.get(b).doubleValue(), missing, woe.get(b).doubleValue(), rows,
					rows == 0 ? null : bad.get(b).doubleValue() / rows, scored == null || scored.isEmpty() ? 0 : scored.get(b).longValue()));
		}
		CreditIndicator indicator = CreditIndicator.valueOf((String) i.get("indicator"));
		return new Credit.IndicatorFigures(indicator.name(), indicator.group().name(), Boolean.TRUE.equals(i.get("used")),
				number(i, "informationValue"), finite(number(i, "populationStability")), whole(i, "direction").intValue(), bins);
	}

	/** NaN and infinities have no JSON form: null. */
	private static Double finite(Double v) {
		return v == null || !Double.isFinite(v) ? null : v;
	}

	private static Double number(Map<String, Object> c, String key) {
		Object v = c.get(key);
		return v == null ? null : ((Number) v).doubleValue();
	}

	private static Long whole(Map<String, Object> c, String key) {
		Object v = c.get(key);
		return v == null ? null : ((Number) v).longValue();
	}

}
