package com.powerkg;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says so when this start of {@code ./mvnw spring-boot:run} records the JDK's AOT class cache (the build chose
 * {@code -XX:AOTCacheOutput}, see the pom's {@code class-cache-for-run}): the JVM writes the cache after the service
 * has stopped, which takes half a minute, and without a word the stop would look stuck.
 */
@Component
class ClassCacheNotice {

	private static final Logger log = LoggerFactory.getLogger(ClassCacheNotice.class);

	private static final String RECORD = "-XX:AOTCacheOutput=";

	private final Optional<String> cache = recording(ManagementFactory.getRuntimeMXBean().getInputArguments());

	/** The cache this JVM records, if its arguments say it records one. */
	static Optional<String> recording(List<String> jvmArguments) {
		return jvmArguments.stream().filter(a -> a.startsWith(RECORD)).map(a -> a.substring(RECORD.length())).findFirst();
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		this.cache.ifPresent(file -> log.info("This start records the classes the service loads: when it stops, the JVM "
				+ "writes them to {} (30-40 s, once), and later starts of this build take about 13 s instead of 21", file));
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.cache.ifPresent(file -> log.info("Stopped; the JVM now writes the class cache {} (30-40 s, once): let it "
				+ "finish, and the next start is faster", file));
	}

}
