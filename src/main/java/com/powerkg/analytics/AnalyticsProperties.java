package com.powerkg.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepSupersededRuns how many runs before the published one keep their per-customer results (tags, segment
 *                           memberships) so analysts can compare customers across runs; older ones are deleted.
 *                           Run nodes with their parameters, metrics and transition counts are always kept.
 */
@ConfigurationProperties("powerkg.analytics")
public record AnalyticsProperties(@DefaultValue("1") int keepSupersededRuns) {

	public static final AnalyticsProperties DEFAULTS = new AnalyticsProperties(1);

	public AnalyticsProperties {
		if (keepSupersededRuns < 0) {
			throw new IllegalArgumentException("powerkg.analytics.keep-superseded-runs must be 0 or more, was " + keepSupersededRuns);
		}
	}

}
