package com.powerkg.run;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One analytics run as recorded in the graph ({@code :AnalyticsRun}).
 *
 * @param status        RUNNING, SUCCEEDED or FAILED; the published run is the one {@code current} points at
 * @param tagCounts     customers per tag code, in the order the run recorded them
 * @param ruleParameters the tag rules' parameters the run used, by tag and name
 * @param comparedWithRun the run segment transitions were counted against
 * @param figures       all the run's properties, read typed by the capabilities that stored them (e.g. credit's {@code credit*})
 */
public record AnalyticsRun(String id, LocalDate asOf, String status, LocalDateTime startedAt, LocalDateTime finishedAt,
		boolean current, Long customersAnalysed, Map<String, Long> tagCounts, List<RunParameter> ruleParameters, Double tagSeconds,
		String message, Double featureSeconds, Double segmentSeconds, Long segmentSeed,
		String comparedWithRun, Figures figures) {

	/** The rule parameters the run used, one line each ({@code TAG.name=value}). */
	public List<String> parameters() {
		return this.ruleParameters.stream().map(RunParameter::line).toList();
	}

}
