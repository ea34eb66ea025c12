package com.powerkg.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs by the service itself on a cron schedule, as of a number of days before the day they fire. */
@GraphTest
class AnalyticsScheduleTest {

	@Autowired
	AnalyticsService analytics;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	CsvImporter importer;

	@Test
	void aScheduledRunFiresByItsCronAndIsAsOfTheDayBefore() throws Exception {
		this.importer.importDirectory(Fixtures.directory("tags"));
		Clock clock = Clock.fixed(Instant.parse("2026-11-21T02:30:00Z"), ZoneId.of("UTC"));
		var schedule = new AnalyticsSchedule(this.analytics, new AnalyticsProperties(1, "* * * * * *", 1, java.time.Duration.ofMinutes(10), ""), clock);
		String before = this.runs.publishedRunId().orElse("");

		schedule.start();
		try {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (this.runs.publishedRunId().orElse("").equals(before)) {
				assertThat(Instant.now()).as("a scheduled run was published in time").isBefore(deadline);
				Thread.sleep(200);
			}
		}
		finally {
			schedule.destroy();
			// a run the schedule had started goes on: let it end before other tests start theirs
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (this.runs.latest(5).stream().anyMatch(r -> r.status().equals("RUNNING")) && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
		}
		AnalyticsRun published = this.runs.byId(this.runs.publishedRunId().orElseThrow()).orElseThrow();
		assertThat(published.asOf()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void aScheduleThatIsNotACronExpressionIsRefusedWithAnExample() {
		assertThatThrownBy(() -> new AnalyticsProperties(1, "every night", 1, java.time.Duration.ofMinutes(10), ""))
			.hasMessage("powerkg.analytics.schedule 'every night' is not a cron expression (six fields: second minute hour day "
					+ "month weekday, e.g. '0 30 2 * * *' for 02:30 every night)");
		assertThatThrownBy(() -> new AnalyticsProperties(1, "", 1, java.time.Duration.ofMinutes(10), "tagging"))
			.hasMessageStartingWith("powerkg.analytics.pause-after-stage must be one of [histories, segments, credit, plan] or empty");
	}

}
