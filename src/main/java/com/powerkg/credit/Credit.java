package com.powerkg.credit;

import java.time.LocalDate;
import java.util.List;

/** Credit ratings as GraphQL shows them. */
public final class Credit {

	private Credit() {
	}

	public record IndicatorChange(String indicator, double by) {
	}

	public record RiskGroupChange(String group, double standardDeviations) {
	}

	public record GradeCount(String grade, long customers, Double meanProbabilityOfDefault) {
	}

	public record WhatIf(int customers, int customersChanged, double scoreBefore, double scoreAfter, double probabilityOfDefaultBefore,
			double probabilityOfDefaultAfter, List<GradeCount> gradesBefore, List<GradeCount> gradesAfter, Boolean indicatorInModel,
			String run) {
	}

	public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {
	}

	/** A run's credit stage; {@code runId} (not in the schema) lets its models and indicators be loaded for many runs at once. */
	public record ModelSummary(String runId, String status, String message, String ratingsRun, String model, Double auc, Double ks,
			Double gini, Double aucFloor, Double championMargin, Double decisionThreshold, ConfusionMatrix confusion, Long trainingRows,
			Long heldOutRows, Long boostingRows, Double trainingDefaultRate, List<Double> gradeCutoffs, Drift drift, Labels labels,
			List<GradeCount> gradeCounts, Double seconds) {
	}

	public record ModelQuality(String model, boolean champion, String message, Long customers, Double auc, Double ks, Double gini,
			Double monotoneViolations, List<Decile> calibration, List<String> indicators, List<Double> coefficients) {
	}

	public record Decile(int decile, long customers, double meanProbabilityOfDefault, double observedDefaultRate) {
	}

	public record IndicatorFigures(String indicator, String group, boolean used, double informationValue, Double populationStability,
			int direction, List<Bin> bins) {
	}

	public record Bin(Double from, Double to, boolean missing, double weightOfEvidence, long trainingCustomers, Double trainingDefaultRate,
			long scoredCustomers) {
	}

	public record Drift(boolean fired, String action, List<String> reasons, List<String> shiftedIndicators, double psiThreshold,
			long scoredCustomers, long customersWithoutRecentHistory) {
	}

	public record Labels(long outcomeWindowMonths, long usable, List<Pending> pending) {
	}

	public record Pending(LocalDate observedOn, LocalDate windowEndsOn, long outcomes) {
	}

}
