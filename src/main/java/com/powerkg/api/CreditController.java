package com.powerkg.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.powerkg.security.AccessRefusedException;
import com.powerkg.security.Caller;
import com.powerkg.security.Role;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;

import com.powerkg.analytics.AnalyticsRun;
import com.powerkg.credit.CreditIndicator;
import com.powerkg.credit.CreditModel;
import com.powerkg.graph.CypherResource;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Credit ratings of customers, the what-if query, and each run's credit model. */
@Controller
class CreditController {

	private static final String INDICATORS = CypherResource.load(CreditController.class, "credit-indicators.cypher");

	private static final String MODEL = CypherResource.load(CreditController.class, "credit-model.cypher");

	private final Neo4jClient neo4j;

	private final CustomerQueries customers;

	CreditController(Neo4jClient neo4j, CustomerQueries customers) {
		this.neo4j = neo4j;
		this.customers = customers;
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<Credit.Rating> credit(CustomerProfile customer, DataLoader<PortraitParts.Key, Object> portraitParts) {
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
			CustomerController.checkLevel(segment);
		}
		else {
			// ANALYST may ask over a segment (an aggregate), not about one customer
			AccessRefusedException.unlessAny(context.get(Caller.CONTEXT_KEY), "creditWhatIf for one customer", Role.MARKETING);
		}
		String creditRun = PublishedRun.creditRunIdFor(context, this.customers::publication);
		if (creditRun == null) {
			throw new InvalidArgumentException("no credit ratings are served yet: run analyze with imported credit outcomes first");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> run = (Map<String, Object>) this.neo4j.query(MODEL).bind(creditRun).to("run").fetch().one()
			.orElseThrow().get("run");
		CreditModel model = CreditModel.fromRun(run);
		Map<String, Object> params = new HashMap<>();
		params.put("creditRun", creditRun);
		params.put("customerId", customerId);
		params.put("dimension", segment == null ? null : segment.dimension());
		params.put("level", segment == null ? null : segment.level());
		params.put("runId", PublishedRun.idFor(context, this.customers::publication));
		List<double[]> rows = new ArrayList<>();
		this.neo4j.query(INDICATORS).bindAll(params).fetch().all().forEach(r -> {
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
		return new Credit.WhatIf(rows.size(), rows.size() - unchanged, before, after, pdBefore, pdAfter, counts(gradesBefore),
				counts(gradesAfter), creditRun);
	}

	private static Map<String, Long> grades() {
		Map<String, Long> grades = new LinkedHashMap<>();
		CreditModel.GRADES.forEach(g -> grades.put(g, 0L));
		return grades;
	}

	private static List<Credit.GradeCount> counts(Map<String, Long> grades) {
		return grades.entrySet().stream().map(e -> new Credit.GradeCount(e.getKey(), e.getValue())).toList();
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	@SuppressWarnings("unchecked")
	Credit.ModelSummary credit(AnalyticsRun run) {
		Map<String, Object> c = run.credit();
		if (c.get("creditStatus") == null) {
			return null;
		}
		List<Credit.Coefficient> coefficients = new ArrayList<>();
		if (c.get("creditCoefficients") != null) {
			List<String> columns = (List<String>) c.get("creditColumns");
			List<Number> values = (List<Number>) c.get("creditCoefficients");
			for (int i = 0; i < columns.size(); i++) {
				coefficients.add(new Credit.Coefficient(columns.get(i), values.get(i).doubleValue()));
			}
		}
		List<Number> confusion = (List<Number>) c.get("creditConfusion");
		List<String> gradeCounts = (List<String>) c.getOrDefault("creditGradeCounts", List.of());
		Credit.ModelQuality comparison = c.get("creditComparisonModel") == null ? null
				: new Credit.ModelQuality((String) c.get("creditComparisonModel"), number(c, "creditComparisonAuc"),
						number(c, "creditComparisonKs"));
		return new Credit.ModelSummary((String) c.get("creditModel"), comparison, (String) c.get("creditStatus"), (String) c.get("creditMessage"), (String) c.get("creditRun"),
				number(c, "creditAuc"), number(c, "creditKs"), number(c, "creditAucFloor"), number(c, "creditThreshold"),
				confusion == null ? null : new Credit.ConfusionMatrix(confusion.get(0).longValue(), confusion.get(1).longValue(),
						confusion.get(2).longValue(), confusion.get(3).longValue()),
				whole(c, "creditTrainingRows"), whole(c, "creditHeldOutRows"), number(c, "creditDefaultRate"),
				c.get("creditCutoffs") == null ? List.of() : ((List<Number>) c.get("creditCutoffs")).stream().map(Number::doubleValue).toList(),
				coefficients,
				gradeCounts.stream().map(e -> new Credit.GradeCount(e.substring(0, e.indexOf('=')), Long.parseLong(e.substring(e.indexOf('=') + 1)))).toList(),
				number(c, "creditSeconds"), (List<String>) c.getOrDefault("creditUnusedColumns", List.of()));
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
