package com.powerkg.credit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credit model asked "what if" over rated customers' indicators (the {@code creditWhatIf} query): one indicator
 * moved by an amount, or one risk group worsened by standard deviations, and each customer's score, probability of
 * default and grade before and after, averaged and counted. A customer without a value for the indicator is left as
 * it is (a what-if never invents missing data) and not counted as changed.
 */
final class CreditWhatIf {

	private CreditWhatIf() {
	}

	/** Exactly one of {@code indicator} and {@code group} is given; {@code rows} are raw indicators, one per customer. */
	static Credit.WhatIf over(CreditModel model, List<double[]> rows, Credit.IndicatorChange indicator,
			Credit.RiskGroupChange group, String run) {
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
		Boolean inModel = indicator == null ? null : model.used().contains(CreditIndicator.valueOf(indicator.indicator()));
		return new Credit.WhatIf(rows.size(), rows.size() - unchanged, before, after, pdBefore, pdAfter, counts(gradesBefore),
				counts(gradesAfter), inModel, run);
	}

	/** Every grade of the model, none counted yet, in grade order. */
	private static Map<String, Long> grades() {
		Map<String, Long> grades = new LinkedHashMap<>();
		CreditModel.GRADES.forEach(g -> grades.put(g, 0L));
		return grades;
	}

	private static List<Credit.GradeCount> counts(Map<String, Long> grades) {
		return grades.entrySet().stream().map(e -> new Credit.GradeCount(e.getKey(), e.getValue(), null)).toList();
	}

}
