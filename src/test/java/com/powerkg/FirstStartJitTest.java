package com.powerkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom's {@code class-cache-for-run} step, run by Maven on a copy of the pom: a first {@code ./mvnw spring-boot:run}
 * (no store, no class cache, the service never started from the build folder) gets the JIT's quick compiler only, and
 * no other start does. Offline, with the plugins this build already resolved.
 */
class FirstStartJitTest {

	private static final String QUICK_JIT_ONLY = "-XX:TieredStopAtLevel=1";

	@Test
	void onlyAFirstStartRunsTheQuickCompilerOnly(@TempDir Path project) throws Exception {
		Files.copy(Path.of("pom.xml"), project.resolve("pom.xml"));
		// Maven's own JVM settings (C1 only: each run a second sooner)
		Files.createDirectories(project.resolve(".mvn"));
		Files.copy(Path.of(".mvn/jvm.config"), project.resolve(".mvn/jvm.config"));
		Files.createDirectories(project.resolve("target/classes"));
		Path args = project.resolve("target/run/class-cache.args");

		assertThat(argsOf(project, args)).as("a first start").contains(QUICK_JIT_ONLY);
		assertThat(argsOf(project, args, "-Dpowerkg.first-start-c1=false")).as("switched off").doesNotContain(QUICK_JIT_ONLY);

		Files.createDirectories(project.resolve("data/data/databases/neo4j"));
		assertThat(argsOf(project, args)).as("a store there").doesNotContain(QUICK_JIT_ONLY);

		Files.delete(project.resolve("data/data/databases/neo4j"));
		Files.writeString(project.resolve("target/run/started"), "");
		assertThat(argsOf(project, args)).as("started from this build folder before (another store, an external database)")
			.doesNotContain(QUICK_JIT_ONLY);
	}

	/** Runs the step in the project and returns the arguments file it wrote. */
	private static String argsOf(Path project, Path args, String... settings) throws IOException, InterruptedException {
		Files.deleteIfExists(args);
		List<String> command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q", "-B", "-f",
				project.resolve("pom.xml").toString(), "antrun:run@class-cache-for-run"));
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
			.redirectOutput(project.resolve("maven.log").toFile());
		// the JDK running the tests, for Maven too
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
		Process maven = builder.start();
		assertThat(maven.waitFor(2, TimeUnit.MINUTES)).as("Maven ended").isTrue();
		assertThat(maven.exitValue()).as(Files.readString(project.resolve("maven.log"))).isZero();
		return Files.readString(args);
	}

}
