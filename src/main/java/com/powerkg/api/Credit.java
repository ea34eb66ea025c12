package com.powerkg.api;

import java.util.List;

/** Credit ratings as GraphQL shows them. */
public final class Credit {

	private Credit() {
	}

	public record Rating(String grade, String nameZh, double score, double probabilityOfDefault, List<String> reasons,
			String run) {
	}

	public record IndicatorChange(String indicator, double by) {
	}

	public record RiskGroupChange(String group, double standardDeviations) {
	}

	public record GradeCount(String grade, long customers) {
	}

	public record WhatIf(int customers, int customersChanged, double scoreBefore, double scoreAfter, double probabilityOfDefaultBefore,
			double probabilityOfDefaultAfter, List<GradeCount> gradesBefore, List<GradeCount> gradesAfter, String run) {
	}

	public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {
	}

	public record Coefficient(String column, double value) {
	}

	public record ModelQuality(String model, Double auc, Double ks) {
	}

	public record ModelSummary(String model, ModelQuality comparison, String status, String message, String ratingsRun, Double auc, Double ks, Double aucFloor,
			Double decisionThreshold, ConfusionMatrix confusion, Long trainingRows, Long heldOutRows,
			Double trainingDefaultRate, List<Double> gradeCutoffs, List<Coefficient> coefficients,
			List<GradeCount> gradeCounts, Double seconds, List<String> unusedColumns) {
	}

}
