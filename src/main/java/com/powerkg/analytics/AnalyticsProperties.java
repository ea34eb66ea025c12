package com.powerkg.analytics;

import java.time.Duration;

import com.powerkg.run.RunSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

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
 * @param pauseAfterStage fault injection for tests only: histories, segments, credit or plan holds a run after that
 *                        stage; empty in production
 * @param readers        batches of customer histories read and analysed at the same time (0 = one per core)
 * @param batchSize      customers per history batch (one round-trip each)
 */
@ConfigurationProperties("powerkg.analytics")
public record AnalyticsProperties(@DefaultValue("1") int keepSupersededRuns, @DefaultValue("") String schedule,
		@DefaultValue("1") int scheduleAsOfDaysBack, @DefaultValue("10m") Duration lease,
		@DefaultValue("") String pauseAfterStage, @DefaultValue("0") int readers, @DefaultValue("1000") int batchSize) {

	public static final AnalyticsProperties DEFAULTS = new AnalyticsProperties(1, "", 1, Duration.ofMinutes(10), "", 0, 1000);

	public AnalyticsProperties(int keepSupersededRuns, String schedule, int scheduleAsOfDaysBack, Duration lease,
			String pauseAfterStage) {
		this(keepSupersededRuns, schedule, scheduleAsOfDaysBack, lease, pauseAfterStage, 0, 1000);
	}

	/** What the run records need of these settings. */
	public RunSettings runs() {
		return new RunSettings(this.keepSupersededRuns, this.lease);
	}

	@ConstructorBinding
	public AnalyticsProperties {
		schedule = (schedule != null) ? schedule.strip() : "";
		pauseAfterStage = (pauseAfterStage != null) ? pauseAfterStage.strip() : "";
		if (!schedule.isEmpty() && !CronExpression.isValidExpression(schedule)) {
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
		if (!pauseAfterStage.isEmpty() && !AnalyticsService.STAGES.contains(pauseAfterStage)) {
			throw new IllegalArgumentException("powerkg.analytics.pause-after-stage must be one of " + AnalyticsService.STAGES
					+ " or empty, was '" + pauseAfterStage + "'");
		}
		readers = (readers > 0) ? readers : Runtime.getRuntime().availableProcessors();
		if (batchSize < 1) {
			throw new IllegalArgumentException("powerkg.analytics.batch-size must be at least 1, was " + batchSize);
		}
		if (keepSupersededRuns < 0) {
			throw new IllegalArgumentException("powerkg.analytics.keep-superseded-runs must be 0 or more, was " + keepSupersededRuns);
		}
	}

}
