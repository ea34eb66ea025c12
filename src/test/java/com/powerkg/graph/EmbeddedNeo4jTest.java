package com.powerkg.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.powerkg.GraphTest;
import com.powerkg.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GraphTest
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
class EmbeddedNeo4jTest {

	@Autowired
	EmbeddedNeo4j neo4j;

	@Test
	void boltListensOnLoopbackOnly() {
		assertThat(this.neo4j.boltUri()).startsWith("bolt://127.0.0.1:");
	}

	/** Utility networks are closed: the database neither reports usage nor lets Browser send telemetry. */
	@Test
	void theDatabaseSendsNoUsageDataAndBrowserNoTelemetry() {
		var config = config();
		assertThat(config.get(GraphDatabaseSettings.udc_enabled)).isFalse();
		assertThat(config.get(ServerSettings.allow_telemetry)).isFalse();
	}

	/** Bolt's shutdown waits (5 s each by default, waited out in full even without connections) are not waited at all. */
	@Test
	void stoppingTheDatabaseDoesNotWaitOutBoltsDefaultTenSeconds() {
		var config = config();
		assertThat(config.get(BoltConnectorInternalSettings.connection_shutdown_wait_time))
			.isEqualTo(Duration.ZERO);
		assertThat(config.get(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time))
			.isEqualTo(Duration.ZERO);
	}

	/**
	 * A client that left a transaction open (cypher-shell's {@code :begin}) held a stop for 70 s (Neo4j waits 10 s for it
	 * to end, then 60 s for the terminated transaction to close). Now it is rolled back after a few seconds; what it wrote
	 * is not in the store, and the client is told its connection is gone.
	 */
	@Test
	void aClientsOpenTransactionDoesNotHoldUpAStopAndIsRolledBack() throws Exception {
		Path store = TestNeo4j.freshStore();
		var database = EmbeddedNeo4j.start(TestNeo4j.embedded(store));
		try (var driver = GraphDatabase.driver(database.boltUri(), AuthTokens.none()); var session = driver.session()) {
			var open = session.beginTransaction();
			open.run("CREATE (:LeftOpen)").consume();

			var stopped = CompletableFuture.runAsync(database::close);

			stopped.get(30, TimeUnit.SECONDS); // Neo4j's defaults: 70 s
			assertThatThrownBy(open::commit).isInstanceOf(ServiceUnavailableException.class);
		}
		var reopened = EmbeddedNeo4j.start(TestNeo4j.embedded(store));
		try (reopened; var driver = GraphDatabase.driver(reopened.boltUri(), AuthTokens.none())) {
			assertThat(driver.executableQuery("MATCH (n:LeftOpen) RETURN count(n) AS n").execute().records().getFirst().get("n").asLong())
				.isZero();
		}
	}

	/**
	 * Neo4j's VM pause monitor stays on for operators (Neo4j's debug.log names the JVM's pauses) unless switched off; the
	 * tests switch it off (pom), as every stop of a database waited up to 100 ms for its thread.
	 */
	@Test
	void thePauseMonitorIsOnUnlessSwitchedOffAsTheTestsDo() {
		var defaults = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("powerkg.neo4j.embedded",
				EmbeddedNeo4jProperties.class);
		assertThat(defaults.pauseMonitor()).isTrue();
		var config = config();
		assertThat(config.get(GraphDatabaseInternalSettings.vm_pause_monitor_enabled)).isFalse();
	}

	/** A read past its timeout is ended within a tenth of a second, not the default 2 s (a plan gives up before its 408). */
	@Test
	void aTransactionPastItsTimeoutIsLookedForEveryTenthOfASecond() {
		var config = config();
		assertThat(config.get(GraphDatabaseSettings.transaction_monitor_check_interval))
			.isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void anyBoltClientCanQueryTheEmbeddedDatabase() {
		try (var driver = GraphDatabase.driver(this.neo4j.boltUri(), AuthTokens.none())) {
			long channels = driver.executableQuery("MATCH (c:Channel) RETURN count(c) AS n").execute().records().getFirst().get("n").asLong();
			assertThat(channels).isEqualTo(9);
		}
	}

	/**
	 * Neo4j Browser speaks Bolt over WebSocket. The Bolt handshake (magic 0x6060B017 and four proposed versions)
	 * sent in a binary WebSocket frame must be answered with the 4-byte version the server chose.
	 */
	@Test
	void boltAcceptsWebSocketConnectionsAsBrowserUsesThem() throws Exception {
		URI ws = URI.create(this.neo4j.boltUri().replace("bolt://", "ws://"));
		var reply = new CompletableFuture<ByteBuffer>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(ws, new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
					var copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
					reply.complete(copy);
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		ByteBuffer handshake = ByteBuffer.allocate(20)
			.putInt(0x6060B017)
			.putInt(0x00000805) // 5.8 and the three minor versions below it
			.putInt(0x00000404)
			.putInt(0x00000004)
			.putInt(0x00000003)
			.flip();
		socket.sendBinary(handshake, true).get(10, TimeUnit.SECONDS);

		ByteBuffer chosen = reply.get(10, TimeUnit.SECONDS);
		assertThat(chosen.remaining()).isEqualTo(4);
		int version = chosen.getInt();
		assertThat(version).as("server agreed on a Bolt version").isNotZero();
		socket.abort();
	}

	/** The settings the database runs with (one {@code Config} for the whole embedded DBMS). */
	private Config config() {
		var system = (GraphDatabaseAPI) this.neo4j.service().database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		return system.getDependencyResolver().resolveDependency(Config.class);
	}

}
