package com.powerkg.graph;

import com.powerkg.GraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A write in a session leaves its bookmark where the reads (GraphReads, executableQuery) look for it. */
@GraphTest
class WriteSessionsTest {

	@Autowired
	Driver driver;

	@Test
	void aWriteInASessionIsKnownToTheReadsBookmarks() {
		try (var session = WriteSessions.open(this.driver)) {
			session.executeWriteWithoutResult(tx -> tx.run("CREATE (:WriteSessionsProbe) WITH 1 AS one MATCH (p:WriteSessionsProbe) DELETE p"));
			assertThat(session.lastBookmarks()).isNotEmpty();
			assertThat(this.driver.executableQueryBookmarkManager().getBookmarks()).containsAll(session.lastBookmarks());
		}
	}

}
