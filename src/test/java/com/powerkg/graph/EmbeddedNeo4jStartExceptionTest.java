package com.powerkg.graph;

import java.net.BindException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neo4j.io.locker.FileLockException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a start that failed tells the operator: the store busy (and where the running service listens), or the port. */
class EmbeddedNeo4jStartExceptionTest {

	static final Path HOME = Path.of("/var/lib/power-kg");

	/** As Neo4j fails when another process holds the store's lock file, under its lifecycle exceptions. */
	static RuntimeException locked() {
		return new RuntimeException("Error starting Neo4j database server", new FileLockException(
				"Lock file has been locked by another process: " + HOME.resolve("data/databases/store_lock"), null));
	}

	@Test
	void aStoreInUseNamesTheServicesBoltAddressToPointTheCommandAt() {
		var explained = EmbeddedNeo4jStartException.explain(HOME, "127.0.0.1", 7687, 7687, locked());

		assertThat(explained.storeInUse()).isTrue();
		assertThat(explained.getMessage()).startsWith("The Neo4j store in " + HOME + " is in use by another process")
			.endsWith("--spring.neo4j.uri=bolt://127.0.0.1:7687.");
	}

	@Test
	void withAFreePortItNamesNoneOfTheFreePortsThatTheServiceCannotHave() {
		var explained = EmbeddedNeo4jStartException.explain(HOME, "127.0.0.1", 0, 36651, locked());

		assertThat(explained.storeInUse()).isTrue();
		assertThat(explained.getMessage()).endsWith("--spring.neo4j.uri=bolt://127.0.0.1:<its Bolt port>.")
			.doesNotContain(":0.").doesNotContain("36651");
	}

	@Test
	void theServicesAddressIsOneACommandOnThisMachineCanConnectTo() {
		assertThat(EmbeddedNeo4jStartException.serviceUri("127.0.0.1", 7687)).isEqualTo("bolt://127.0.0.1:7687");
		assertThat(EmbeddedNeo4jStartException.serviceUri("::1", 7687)).isEqualTo("bolt://[::1]:7687");
		assertThat(EmbeddedNeo4jStartException.serviceUri("[::1]", 7687)).isEqualTo("bolt://[::1]:7687");
		assertThat(EmbeddedNeo4jStartException.serviceUri("0.0.0.0", 7687)).as("every interface: loopback is one")
			.isEqualTo("bolt://127.0.0.1:7687");
		assertThat(EmbeddedNeo4jStartException.serviceUri("::", 7688)).isEqualTo("bolt://[::1]:7688");
		assertThat(EmbeddedNeo4jStartException.serviceUri("10.1.2.3", 0)).isEqualTo("bolt://10.1.2.3:<its Bolt port>");
	}

	@Test
	void aPortInUseIsNotABusyStore() {
		var explained = EmbeddedNeo4jStartException.explain(HOME, "127.0.0.1", 7687, 7687,
				new RuntimeException("start failed", new BindException("Address already in use")));

		assertThat(explained.storeInUse()).isFalse();
		assertThat(explained.getMessage()).isEqualTo("Bolt port 127.0.0.1:7687 is already in use. Stop what uses it or set "
				+ "powerkg.neo4j.embedded.bolt-port to another port.");
	}

}
