package com.powerkg.analytics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.powerkg.PrivateGraph;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.run.RunRefusedException;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One run at a time, also across processes: the lock is in the database, so two services with their own
 * connections to one database (here two drivers, and the command line pointed at the same Bolt URL) are refused.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class RunLockTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Test
	void aSecondRunWhileOneIsActiveIsRefusedByAnotherConnectionAndByTheCommandLine() {
		try (var graph = PrivateGraph.reused();
				Driver second = GraphDatabase.driver(graph.neo4j().boltUri(), AuthTokens.none())) {
			Driver first = graph.driver();
			String active = TestAnalytics.service(first).begin(AS_OF);

			assertThatThrownBy(() -> TestAnalytics.service(second).begin(AS_OF)).isInstanceOf(RunRefusedException.class)
				.hasMessageStartingWith("another analytics run is active: " + active + " started ");

			var out = new StringWriter();
			var err = new StringWriter();
			int exit = com.powerkg.cli.TestCommandLine.run(new PrintWriter(out, true), new PrintWriter(err, true), "analyze",
					"--as-of", AS_OF.toString(), "--spring.neo4j.uri=" + graph.neo4j().boltUri());
			assertThat(exit).as("refused: try again later").isEqualTo(3);
			assertThat(err.toString().strip()).startsWith("power-kg analyze: another analytics run is active: " + active)
				.doesNotContain("\n");

			// once the active run has ended, the next one may start
			new AnalyticsRuns(first, AnalyticsProperties.DEFAULTS.runs()).fail(active, "ended for the test");
			String next = TestAnalytics.service(second).begin(AS_OF);
			assertThat(next).isNotEqualTo(active);
		}
	}

	@Test
	void aRunSilentForLongerThanTheLeaseIsTakenAsAbandonedAndItsWritesGoAFreshOneStillBlocks() {
		try (var graph = PrivateGraph.reused()) {
			Driver driver = graph.driver();
			// a run of a process on another machine that died 11 minutes ago, with a tag it had written
			driver.executableQuery("""
					CREATE (:AnalyticsRun {id: 'run-dead', asOf: date('2026-11-20'), status: 'RUNNING',
					                       startedAt: localdatetime() - duration('PT30M'), heartbeatAt: localdatetime() - duration('PT11M')})
					CREATE (:Customer {id: 'L001'})-[:HAS_TAG {run: 'run-dead'}]->(:Tag {code: 'LEASE_TEST'})""").execute();

			String next = TestAnalytics.service(driver).begin(AS_OF);

			assertThat(driver.executableQuery("MATCH (r:AnalyticsRun {id: 'run-dead'}) RETURN r.status + ': ' + r.message AS v").execute()
				.records().getFirst().get("v").asString()).isEqualTo("FAILED: abandoned: no sign of life from its process for over 600 s "
						+ "(powerkg.analytics.lease)");
			assertThat(driver.executableQuery("MATCH ()-[h:HAS_TAG {run: 'run-dead'}]->() RETURN count(h) AS n").execute()
				.records().getFirst().get("n").asLong()).isZero();

			// the new run beats now: it is not abandoned, and blocks the next
			assertThatThrownBy(() -> TestAnalytics.service(driver).begin(AS_OF)).isInstanceOf(RunRefusedException.class)
				.hasMessageContaining(next).hasMessageContaining("10 min after its last sign of life");
		}
	}

	@Test
	void aRunningRunBeatsAndARunStillGoingWhenTheServiceStopsIsMarkedFailed() throws Exception {
		try (var graph = PrivateGraph.reused()) {
			Driver driver = graph.driver();
			// a lease of 10 s: a beat every 2 s; the run is held after its tags (fault injection)
			var properties = new AnalyticsProperties(1, "", 1, Duration.ofSeconds(10), "histories");
			var service = new AnalyticsService(new AnalyticsRuns(driver, properties.runs()), new TaggingStage(driver),
					new SegmentationStage(driver, SegmentationProperties.DEFAULTS), new CreditStage(driver, CreditProperties.DEFAULTS),
					properties);
			String id = service.begin(AS_OF);
			Thread running = Thread.ofVirtual().start(() -> {
				try {
					service.execute(id, AS_OF);
				}
				catch (RuntimeException expected) {
					// interrupted in its pause below
				}
			});
			try {
				Instant deadline = Instant.now().plusSeconds(30);
				while (!driver.executableQuery("MATCH (r:AnalyticsRun {id: $id}) RETURN r.heartbeatAt > r.startedAt + duration('PT1S') AS v")
					.withParameters(Map.of("id", id)).execute().records().getFirst().get("v").asBoolean()) {
					assertThat(Instant.now()).as("the run beat").isBefore(deadline);
					Thread.sleep(200);
				}

				service.failRunsStillGoing();

				assertThat(driver.executableQuery("MATCH (r:AnalyticsRun {id: $id}) RETURN r.status + ': ' + r.message AS v")
					.withParameters(Map.of("id", id)).execute().records().getFirst().get("v").asString())
					.isEqualTo("FAILED: the service stopped during the run");
			}
			finally {
				running.interrupt();
				running.join();
			}
		}
	}

}
