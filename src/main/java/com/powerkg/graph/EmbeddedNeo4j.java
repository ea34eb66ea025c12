package com.powerkg.graph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running in-process Neo4j and the Bolt URI through which everything (the service, Browser, cypher-shell)
 * talks to it. Going through Bolt even in-process keeps one code path for embedded and external databases.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	/**
	 * Where a bulk load (ingest/BulkLoad) builds a store before moving it into place; found at start-up, it means a load
	 * did not finish, and what it left is removed (the store itself was not changed by it).
	 */
	public static final String BULK_LOAD_STAGING = "bulk-load";

	/**
	 * How long Bolt lets open connections and its threads finish when the database stops: not at all. Neo4j waits this
	 * out in full even with no connection open; the process's own driver is closed before the database, and a client's
	 * transaction still open is ended by {@link #TRANSACTION_END_WAIT}. At 500 ms (twice) every stop cost 1.1 s instead of
	 * 0.15 s, which the test suite paid about 60 times.
	 */
	static final Duration SHUTDOWN_WAIT = Duration.ZERO;

	/**
	 * How long a stop waits for a client's open transaction (cypher-shell's {@code :begin}, a job killed half-way) to
	 * end before it is terminated and rolled back. Neo4j's defaults, 10 s and then 60 s more for the terminated
	 * transaction to close, held a stop for 70 s while an idle client kept a transaction open.
	 */
	static final Duration TRANSACTION_END_WAIT = Duration.ofSeconds(2);

	static final Duration TERMINATED_TRANSACTION_WAIT = Duration.ofSeconds(1);

	/** How often the database looks for transactions past their timeout. */
	static final Duration TIMEOUT_CHECK = Duration.ofMillis(100);

	private final DatabaseManagementService service;

	private final String boltUri;

	private EmbeddedNeo4j(DatabaseManagementService service, String boltUri) {
		this.service = service;
		this.boltUri = boltUri;
	}

	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
		Path home = properties.dataDirectory().toAbsolutePath().normalize();
		clearUnfinishedBulkLoad(home);
		int port = properties.boltPort() == 0 ? freePort(properties.boltAddress()) : properties.boltPort();
		log.info("Starting embedded Neo4j in {} with Bolt on {}:{}", home, properties.boltAddress(), port);
		var builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), port))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(properties.boltAddress(), port))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			// No credentials: the connector only listens where the operator bound it (loopback by default).
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			// Browser reads this over Bolt; the machines this runs on usually have no internet anyway
			.setConfig(ServerSettings.allow_telemetry, false)
			// nor does the database report its usage to Neo4j (it logged "Anonymous Usage Data is being sent to Neo4j")
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			// Bolt waits these out in full at shutdown even with no connection open (5 s each by default): every stop of the
			// service and every command-line job took 10 s longer than it needed (see SHUTDOWN_WAIT)
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, SHUTDOWN_WAIT)
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, SHUTDOWN_WAIT)
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, TRANSACTION_END_WAIT)
			.setConfig(GraphDatabaseInternalSettings.shutdown_terminated_transaction_wait_timeout, TERMINATED_TRANSACTION_WAIT)
			// a read past its timeout (a collection plan's, which must give up before its request's 408) is ended within
			// this, not up to the default 2 s later
			.setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, TIMEOUT_CHECK)
			// names the JVM's pauses in Neo4j's debug.log; each stop waits up to 100 ms for its thread (the tests switch it off)
			.setConfig(GraphDatabaseInternalSettings.vm_pause_monitor_enabled, properties.pauseMonitor());
		if (!properties.pageCache().isBlank()) {
			builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()));
		}
		DatabaseManagementService service;
		try {
			service = builder.build();
		}
		catch (RuntimeException ex) {
			throw EmbeddedNeo4jStartException.explain(home, properties.boltAddress(), properties.boltPort(), port, ex);
		}
		return new EmbeddedNeo4j(service, "bolt://" + uriHost(properties.boltAddress()) + ":" + port);
	}

	/** Whether the store under {@code home} has been created (by a start or an import), whatever it holds. */
	public static boolean storeExists(Path home) {
		return Files.isDirectory(home.resolve("data/databases/neo4j"));
	}

	/** An address as the host of a {@code bolt://} URI: an IPv6 one in brackets. */
	static String uriHost(String address) {
		return (address.contains(":") && !address.startsWith("[")) ? "[" + address + "]" : address;
	}

	private static void clearUnfinishedBulkLoad(Path home) {
		Path staging = home.resolve(BULK_LOAD_STAGING);
		if (!Files.isDirectory(staging)) {
			return;
		}
		String what = "a bulk load";
		try {
			Path started = staging.resolve("STARTED");
			if (Files.exists(started)) {
				what = Files.readString(started).strip();
			}
			try (var walk = Files.walk(staging)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("A bulk load into " + home + " did not finish and its folder " + staging
					+ " cannot be removed (" + ex.getMessage() + "); remove it by hand", ex);
		}
		log.warn("{} did not finish (its process ended): its files in {} were removed; the store is as it was before it. "
				+ "Run the import again.", what, staging);
	}

	public String boltUri() {
		return this.boltUri;
	}

	public DatabaseManagementService service() {
		return this.service;
	}

	/**
	 * Sets what Neo4j Browser reads through {@code dbms.clientConfig} when it connects:
	 * {@code browser.post_connect_cmd} (commands separated by {@code ;}) and
	 * {@code browser.remote_content_hostname_whitelist} (hosts it may fetch guides and styles from). Neither setting is
	 * dynamic in Neo4j, but both are read at each call of the procedure, so the service sets them once it knows the
	 * address it serves on (its port is only known when the web server has started, and the database starts before
	 * it). This goes through Neo4j's internal {@code Config}, which an embedded database shares with its host process.
	 */
	public void setBrowserClientConfig(String postConnectCommands, String remoteContentHosts) {
		var system = (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		Config config = system.getDependencyResolver().resolveDependency(Config.class);
		config.set(ServerSettings.browser_post_connect_cmd, postConnectCommands);
		config.set(ServerSettings.browser_remote_content_hostname_whitelist, remoteContentHosts);
	}

	@Override
	public void close() {
		log.info("Shutting down embedded Neo4j");
		this.service.shutdown();
	}

	private static int freePort(String address) {
		try (var socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot find a free port on " + address, ex);
		}
	}

}
