package com.powerkg.analytics;

import java.time.LocalDate;
import java.util.List;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Starts an analytics run from the API (ADMIN): the run is begun, taking the run lock, before the answer, so a
 * refusal is the answer; its stages then go on in the background, and {@code analyticsRuns} (the newest runs) shows
 * its progress.
 */
@Controller
class AnalyticsRunController {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsRunController.class);

	static final int DEFAULT_RUNS = 10;

	static final int MAX_RUNS = 100;

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

	@QueryMapping
	List<AnalyticsRun> analyticsRuns(@Argument Integer last) {
		int n = (last != null) ? last : DEFAULT_RUNS;
		if (n < 1 || n > MAX_RUNS) {
			throw new InvalidArgumentException("last must be between 1 and " + MAX_RUNS + " (was " + n + ")");
		}
		return this.analytics.latest(n);
	}

}
