package com.powerkg.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepSupersededRuns how many runs before the published one keep their per-customer results (tags, segment
 *                           memberships) so analysts can compare customers across runs; older ones are deleted.
 *                           Run nodes with their parameters, metrics and transition counts are always kept.
 * @param schedule cron expression (second minute hour day month weekday) for runs by the service itself, e.g.
 *                 {@code 0 30 2 * * *} for 02:30 every night; empty = no scheduled runs
 * @param scheduleAsOfDaysBack a scheduled run is as of this many days before the day it starts (1: yesterday,
 *                             whose data is complete)
 * @param lease a running run beats every fifth of this; one silent for longer is taken as abandoned by a dead
 *              process (also on another machine sharing the database), marked FAILED and its writes deleted
 * @param pauseAfterStage fault injection for tests only: tags, segments or credit holds a run after that stage;
 *                        empty in production
 */
@ConfigurationProperties("powerkg.analytics")
public record AnalyticsProperties(@DefaultValue("1") int keepSupersededRuns, @DefaultValue("") String schedule,
		@DefaultValue("1") int scheduleAsOfDaysBack, @DefaultValue("10m") java.time.Duration lease,
		@DefaultValue("") String pauseAfterStage) {

	public static final AnalyticsProperties DEFAULTS = new AnalyticsProperties(1, "", 1, java.time.Duration.ofMinutes(10), "");

	public AnalyticsProperties {
		schedule = (schedule != null) ? schedule.strip() : "";
		pauseAfterStage = (pauseAfterStage != null) ? pauseAfterStage.strip() : "";
		if (!schedule.isEmpty() && !org.springframework.scheduling.support.CronExpression.isValidExpression(schedule)) {
			throw new IllegalArgumentException("powerkg.analytics.schedule '" + schedule + "' is not a cron expression "
					+ "(six fields: second minute hour day month weekday, e.g. '0 30 2 * * *' for 02:30 every night)");
		}
		if (scheduleAsOfDaysBack < 0) {
			throw new IllegalArgumentException("powerkg.analytics.schedule-as-of-days-back must be 0 or more, was "
					+ scheduleAsOfDaysBack);
		}
		if (lease == null || lease.toSeconds() < 10) {
			throw new IllegalArgumentException("powerkg.analytics.lease must be at least 10s, was " + lease);
		}
		if (!java.util.List.of("", "tags", "segments", "credit").contains(pauseAfterStage)) {
			throw new IllegalArgumentException("powerkg.analytics.pause-after-stage must be tags, segments, credit or empty, was '"
					+ pauseAfterStage + "'");
		}
		if (keepSupersededRuns < 0) {
			throw new IllegalArgumentException("powerkg.analytics.keep-superseded-runs must be 0 or more, was " + keepSupersededRuns);
		}
	}

}
