package com.powerkg.api;

import java.time.LocalDate;

import com.powerkg.analytics.AnalyticsRun;
import com.powerkg.analytics.AnalyticsRuns;
import com.powerkg.analytics.AnalyticsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Starts an analytics run from the API (ADMIN): the run is begun, taking the run lock, before the answer, so a
 * refusal is the answer; its stages then go on in the background, and {@code analyticsRuns} shows its progress.
 */
@Controller
class AnalyticsRunController {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsRunController.class);

	private final AnalyticsService analytics;

	private final AnalyticsRuns runs;

	AnalyticsRunController(AnalyticsService analytics, AnalyticsRuns runs) {
		this.analytics = analytics;
		this.runs = runs;
	}

	@MutationMapping
	AnalyticsRun startAnalyticsRun(@Argument LocalDate asOf) {
		String id = this.analytics.begin(asOf);
		Thread.ofVirtual().name("analytics-" + id).start(() -> {
			try {
				this.analytics.execute(id, asOf);
			}
			catch (RuntimeException ex) {
				log.error("Analytics run {} started through the API failed: {}", id, ex.getMessage());
			}
		});
		return this.runs.byId(id).orElseThrow();
	}

}
