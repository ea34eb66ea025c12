package com.powerkg.graph;

import java.nio.file.Path;

/**
 * Embedded Neo4j could not start. The message names the likely cause and the fix, because the raw Neo4j
 * exception chain (lifecycle exceptions five levels deep) does not.
 */
public class EmbeddedNeo4jStartException extends RuntimeException {

	private final boolean storeInUse;

	EmbeddedNeo4jStartException(String message, boolean storeInUse, Throwable cause) {
		super(message, cause);
		this.storeInUse = storeInUse;
	}

	/** Another process has the store open: a busy database, not a broken one (command-line exit 3). */
	public boolean storeInUse() {
		return this.storeInUse;
	}

	/**
	 * A failed start in the operator's terms: the store busy (and where to point the command instead), the port taken, or
	 * the cause.
	 * @param configured the Bolt port of the settings: 0 for a free one (as the count before a bulk load opens the store),
	 * which names no port a running service could have
	 * @param port the port this start tried to listen on
	 */
	static EmbeddedNeo4jStartException explain(Path home, String address, int configured, int port, RuntimeException ex) {
		String chain = describeChain(ex);
		String message;
		boolean inUse = false;
		if (chain.contains("FileLockException") || chain.toLowerCase().contains("lock file")
				|| chain.contains("already locked")) {
			message = "The Neo4j store in " + home + " is in use by another process (is the service already running?). "
					+ "Stop it, or point this command at the running service with --spring.neo4j.uri=" + serviceUri(address, configured)
					+ ".";
			inUse = true;
		}
		else if (chain.contains("BindException") || chain.contains("Address already in use")) {
			message = "Bolt port " + address + ":" + port + " is already in use. Stop what uses it or set "
					+ "powerkg.neo4j.embedded.bolt-port to another port.";
		}
		else {
			message = "Embedded Neo4j failed to start in " + home + ": " + rootMessage(ex);
		}
		return new EmbeddedNeo4jStartException(message, inUse, ex);
	}

	/**
	 * Where a command on this machine reaches a service that listens on {@code address} and the configured port: an IPv6
	 * address in brackets, a wildcard one (every interface) as loopback, and {@code <its Bolt port>} for port 0 (a free
	 * one, which names no port the service could have).
	 */
	public static String serviceUri(String address, int configured) {
		String host = switch (address) {
			case "0.0.0.0" -> "127.0.0.1";
			case "::", "[::]" -> "[::1]";
			default -> EmbeddedNeo4j.uriHost(address);
		};
		return "bolt://" + host + ":" + ((configured > 0) ? String.valueOf(configured) : "<its Bolt port>");
	}

	private static String describeChain(Throwable ex) {
		var sb = new StringBuilder();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
			if (t.getCause() == t) {
				break;
			}
		}
		return sb.toString();
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
