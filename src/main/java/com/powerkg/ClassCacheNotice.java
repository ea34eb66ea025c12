package com.powerkg;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The service's part in the JDK's AOT class cache of {@code ./mvnw spring-boot:run} (see the pom's
 * {@code class-cache-for-run}): once the service has started it touches the file the build names in
 * {@code powerkg.class-cache.started}, so that the build knows this jar has started before and the next start may record
 * the cache; and it says so when this start records it ({@code -XX:AOTCacheOutput}): the JVM writes the cache after the
 * service has stopped, which takes half a minute, and without a word the stop would look stuck. It also says so when
 * the build started it with the JIT's quick compiler only (a first start, which builds the store: see the pom's
 * {@code first-start-jit}), since that process serves with it until it stops.
 */
@Component
class ClassCacheNotice {

	private static final Logger log = LoggerFactory.getLogger(ClassCacheNotice.class);

	private static final String RECORD = "-XX:AOTCacheOutput=";

	static final String STARTED_MARKER = "powerkg.class-cache.started";

	private static final String QUICK_JIT_ONLY = "-XX:TieredStopAtLevel=1";

	private final List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();

	private final Optional<String> cache = recording(this.jvmArguments);

	/** The cache this JVM records, if its arguments say it records one. */
	static Optional<String> recording(List<String> jvmArguments) {
		return jvmArguments.stream().filter(a -> a.startsWith(RECORD)).map(a -> a.substring(RECORD.length())).findFirst();
	}

	/** Whether this JVM compiles with C1 only (the build's choice for a first start). */
	static boolean quickJitOnly(List<String> jvmArguments) {
		return jvmArguments.contains(QUICK_JIT_ONLY);
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		String marker = System.getProperty(STARTED_MARKER);
		if (marker != null && quickJitOnly(this.jvmArguments)) {
			log.info("This first start ran with the JIT's quick compiler only ({}), which built the store and the sample's "
					+ "analysis sooner; this process keeps it (the next start runs the full JIT, which is quicker under "
					+ "sustained load; ./mvnw spring-boot:run -Dpowerkg.first-start-c1=false: the full JIT from the first start)", QUICK_JIT_ONLY);
		}
		if (marker != null) {
			markStarted(Path.of(marker));
		}
		this.cache.ifPresent(file -> log.info("This start records the classes the service loads: when it stops, the JVM "
				+ "writes them to {} (30-40 s, once), and later starts of this build take about 13 s instead of 21", file));
	}

	/** Creates the file, or moves its date to now. */
	static void markStarted(Path marker) {
		try {
			Files.createDirectories(marker.toAbsolutePath().getParent());
			Files.write(marker, new byte[0]);
		}
		catch (IOException ex) {
			log.debug("Cannot mark {}: the next start will not record the class cache", marker, ex);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.cache.ifPresent(file -> log.info("Stopped; the JVM now writes the class cache {} (30-40 s, once): let it "
				+ "finish, and the next start is faster", file));
	}

}
