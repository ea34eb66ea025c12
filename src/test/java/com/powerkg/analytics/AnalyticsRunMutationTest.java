package com.powerkg.analytics;

import java.time.Duration;
import java.time.Instant;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.TestCallers;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.security.Caller;
import com.powerkg.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** An ADMIN starts a run through GraphQL; a run already active (from any process) makes it a RUN_ACTIVE error. */
@GraphTest
class AnalyticsRunMutationTest {

	static final String START = "mutation { startAnalyticsRun(asOf: \"2026-11-20\") { id status asOf } }";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	CsvImporter importer;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	AnalyticsRuns runs;

	@Test
	void anAdminStartsARunThatIsPublishedInTheBackground() throws InterruptedException {
		this.importer.importDirectory(Fixtures.directory("tags"));
		GraphQlTester admin = TestCallers.as(this.graphQl, Caller.of("admin-test", Role.ADMIN));

		String id = admin.document(START).execute()
			.path("startAnalyticsRun.status").entity(String.class).isEqualTo("RUNNING")
			.path("startAnalyticsRun.id").entity(String.class).get();

		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (this.runs.byId(id).orElseThrow().status().equals("RUNNING")) {
			assertThat(Instant.now()).as("the run ends in time").isBefore(deadline);
			Thread.sleep(200);
		}
		assertThat(this.runs.byId(id).orElseThrow().status()).isEqualTo("SUCCEEDED");
		assertThat(this.runs.publishedRunId()).hasValue(id);
	}

	@Test
	void aRunActiveElsewhereRefusesTheStartAndMarketingMayNotStartRuns() {
		this.graphQl.document(START).execute().errors()
			.expect(e -> e.getErrorType().toString().equals("FORBIDDEN") && e.getMessage().contains("needs role ADMIN"))
			.verify();

		this.neo4j.query("CREATE (:AnalyticsRun {id: 'run-elsewhere', asOf: date('2026-11-20'), status: 'RUNNING', "
				+ "startedAt: localdatetime()})").run();
		try {
			TestCallers.as(this.graphQl, Caller.of("admin-test", Role.ADMIN)).document(START).execute().errors()
				.expect(e -> e.getMessage().startsWith("another analytics run is active: run-elsewhere started ")
						&& "RUN_ACTIVE".equals(e.getExtensions().get("reason")))
				.verify();
		}
		finally {
			this.neo4j.query("MATCH (r:AnalyticsRun {id: 'run-elsewhere'}) DELETE r").run();
		}
	}

}
