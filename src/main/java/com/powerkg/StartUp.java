package com.powerkg;

import com.powerkg.analytics.AnalyticsSchedule;
import com.powerkg.analytics.InterruptedRunRecovery;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.ingest.SampleDataLoader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The start-up order, in one place: once every bean is made and before the web server opens (or a command-line job
 * runs), the graph's schema is brought up to date by the Cypher migrations, runs a dead process left RUNNING are
 * failed, an empty database gets the sample (imported and analysed), and the analytics schedule, if one is set, starts
 * (in the service only: a command-line job schedules nothing).
 */
@Component
class StartUp implements SmartInitializingSingleton {

	private final GraphMigrations migrations;

	private final InterruptedRunRecovery recovery;

	private final SampleDataLoader sample;

	private final ObjectProvider<AnalyticsSchedule> schedule;

	StartUp(GraphMigrations migrations, InterruptedRunRecovery recovery, SampleDataLoader sample,
			ObjectProvider<AnalyticsSchedule> schedule) {
		this.migrations = migrations;
		this.recovery = recovery;
		this.sample = sample;
		this.schedule = schedule;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.migrations.apply();
		this.recovery.recover();
		this.sample.loadIfEmpty();
		this.schedule.ifAvailable(AnalyticsSchedule::start);
	}

}
