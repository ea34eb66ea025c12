package com.powerkg.api;

import com.powerkg.GraphTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-field and per-filter observations cost CPU on every request and nothing reads them: they are off, requests are not. */
@GraphTest
class ObservationsTest {

	@Autowired
	ObservationRegistry registry;

	@Test
	void fieldAndSecurityFilterObservationsAreOffWhileRequestsAreObserved() {
		assertThat(Observation.start("graphql.datafetcher", this.registry).isNoop()).isTrue();
		assertThat(Observation.start("spring.security.filterchains", this.registry).isNoop()).isTrue();
		Observation request = Observation.start("graphql.request", this.registry);
		assertThat(request.isNoop()).isFalse();
		request.stop();
		Observation http = Observation.start("http.server.requests", this.registry);
		assertThat(http.isNoop()).isFalse();
		http.stop();
	}

}
