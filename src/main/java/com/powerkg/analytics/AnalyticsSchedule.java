package com.powerkg.analytics;

import java.time.Clock;
import java.time.LocalDate;

import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.run.RunRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the analytics by itself on {@code powerkg.analytics.schedule} (cron), as of
 * {@code schedule-as-of-days-back} days before the day it fires. Only in the running service, never in a
 * command-line job. A run refused because another is active (e.g. an operator's) is skipped with a warning; a failed
 * run is recorded FAILED and the published run stays served, as for any run.
 */
@Component
@ConditionalOnWebApplication
public class AnalyticsSchedule implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsSchedule.class);

	private final AnalyticsService analytics;

	private final AnalyticsProperties properties;

	private final Clock clock;

	private SimpleAsyncTaskScheduler scheduler;

	@Autowired
	AnalyticsSchedule(AnalyticsService analytics, AnalyticsProperties properties) {
		this(analytics, properties, Clock.systemDefaultZone());
	}

	AnalyticsSchedule(AnalyticsService analytics, AnalyticsProperties properties, Clock clock) {
		this.analytics = analytics;
		this.properties = properties;
		this.clock = clock;
	}

	/** Starts the schedule, if one is set. */
	public void start() {
		if (this.properties.schedule().isEmpty()) {
			return;
		}
		this.scheduler = new SimpleAsyncTaskScheduler();
		this.scheduler.setVirtualThreads(true);
		this.scheduler.setThreadNamePrefix("analytics-schedule-");
		this.scheduler.schedule(this::runNow, new CronTrigger(this.properties.schedule()));
		log.info("Analytics runs scheduled: '{}', each as of {} day(s) before its start", this.properties.schedule(),
				this.properties.scheduleAsOfDaysBack());
	}

	/** One scheduled run; never throws, so the schedule goes on. */
	void runNow() {
		LocalDate asOf = LocalDate.now(this.clock).minusDays(this.properties.scheduleAsOfDaysBack());
		try {
			this.analytics.run(asOf);
		}
		catch (RunRefusedException ex) {
			log.warn("Scheduled analytics run as of {} skipped: {}", asOf, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Scheduled analytics run as of {} failed (the published run stays served): {}", asOf, ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		if (this.scheduler != null) {
			this.scheduler.close();
		}
	}

}
