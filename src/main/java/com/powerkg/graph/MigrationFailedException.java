package com.powerkg.graph;

import java.util.Optional;

import ac.simons.neo4j.migrations.core.MigrationsException;

/**
 * A Cypher script could not be applied. neo4j-migrations names the script; the database's own error (the
 * cause) names the statement and position, so the message carries both for the steward who has to fix it.
 */
public class MigrationFailedException extends RuntimeException {

	private final boolean lockHeld;

	MigrationFailedException(String message, boolean lockHeld, Throwable cause) {
		super(message, cause);
		this.lockHeld = lockHeld;
	}

	/** Another process is applying the migrations right now: busy, try again (command-line exit 3). */
	public boolean lockHeld() {
		return this.lockHeld;
	}

	static MigrationFailedException from(MigrationsException ex, Optional<String> script, boolean lockHeld) {
		if (lockHeld) {
			return new MigrationFailedException("another process is applying the Cypher migrations to this database right now; "
					+ "try again when it is done", true, ex);
		}
		var message = new StringBuilder("Cypher migration ");
		script.ifPresent(name -> message.append(name).append(' '));
		message.append("failed, nothing of that script was applied: ").append(ex.getMessage());
		for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t.getMessage() != null && !ex.getMessage().contains(t.getMessage())) {
				message.append(" | ").append(t.getMessage().strip());
			}
		}
		return new MigrationFailedException(message.toString(), false, ex);
	}

}
