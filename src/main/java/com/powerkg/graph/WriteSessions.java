package com.powerkg.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Sessions for writes that take several transactions (the importer's batches, the run lock). They share the
 * bookmarks of the driver's {@code executableQuery}, which {@link GraphReads} uses: on a cluster a read routed to a
 * follower then waits until that follower has this process's earlier writes, instead of answering without them
 * (a run just started, a batch just imported).
 */
public final class WriteSessions {

	private WriteSessions() {
	}

	public static Session open(Driver driver) {
		return driver.session(SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager()).build());
	}

}
