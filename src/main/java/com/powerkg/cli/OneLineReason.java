package com.powerkg.cli;

import com.powerkg.graph.EmbeddedNeo4jStartException;
import com.powerkg.graph.MigrationFailedException;
import com.powerkg.ingest.ImportFailedException;
import com.powerkg.run.RunRefusedException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * Picks, from an exception chain that may run through Spring's context start-up, the message an operator can
 * act on, and makes it one line.
 */
final class OneLineReason {

	private OneLineReason() {
	}

	static String of(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof ImportFailedException || t instanceof EmbeddedNeo4jStartException
					|| t instanceof MigrationFailedException || t instanceof IllegalArgumentException
					|| t instanceof JobFailedException || t instanceof RunRefusedException
					|| t instanceof IllegalStateException) {
				return oneLine(t.getMessage());
			}
			if (t instanceof ServiceUnavailableException) {
				return oneLine("cannot reach Neo4j (" + t.getMessage() + "); check spring.neo4j.uri");
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return oneLine(root.getClass().getSimpleName() + ": " + root.getMessage());
	}

	private static String oneLine(String message) {
		return (message == null) ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").strip();
	}

}
