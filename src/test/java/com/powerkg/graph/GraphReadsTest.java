package com.powerkg.graph;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.RoutingControl;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads are routed as reads, so that on a cluster they go to the followers and leave the leader to the writes. */
class GraphReadsTest {

	@Test
	void readsAreRoutedToReaders() {
		assertThat(GraphReads.readConfig().routing()).isEqualTo(RoutingControl.READ);
	}

}
