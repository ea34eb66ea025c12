package com.powerkg.graph;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Logging;

import static org.assertj.core.api.Assertions.assertThat;

class DriverLoggingTest {

	@Test
	void theDriverLogsThroughSlf4jWhichFormatsOnlyWhatIsLogged() {
		var config = EmbeddedNeo4jConfiguration.driverConfig(List.of(new GraphConfiguration().driverLogging()));

		assertThat(config.logging()).isExactlyInstanceOf(Logging.slf4j().getClass());
		assertThat(config.userAgent()).isEqualTo("power-customer-kg");
	}

}
