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
	void onlyAFirstStartRunsTheQuickCompilerOnly(@TempDir Path tmp) throws Exception {
		// four projects, one per case, their Maven runs side by side (each waits mostly for its own JVM to start)
		List<Process> started = new ArrayList<>();
		try {
			Step first = Step.start(project(tmp.resolve("first")), started);
			Step switchedOff = Step.start(project(tmp.resolve("switched-off")), started, "-Dpowerkg.first-start-c1=false");
			Path withStore = project(tmp.resolve("with-store"));
			Files.createDirectories(withStore.resolve("data/data/databases/neo4j"));
			Step storeThere = Step.start(withStore, started);
			Path startedBefore = project(tmp.resolve("started-before"));
			Files.createDirectories(startedBefore.resolve("target/run"));
			Files.writeString(startedBefore.resolve("target/run/started"), "");
			Step startedFromThisFolder = Step.start(startedBefore, started);

			assertThat(first.args()).as("a first start").contains(QUICK_JIT_ONLY);
			assertThat(switchedOff.args()).as("switched off").doesNotContain(QUICK_JIT_ONLY);
			assertThat(storeThere.args()).as("a store there").doesNotContain(QUICK_JIT_ONLY);
			assertThat(startedFromThisFolder.args()).as("started from this build folder before (another store, an external database)")
				.doesNotContain(QUICK_JIT_ONLY);
		}
		finally {
			// a case that failed, or could not start, leaves no Maven running in the folders being deleted
			started.forEach(Process::destroyForcibly);
		}
	}

	/** A copy of the pom, with Maven's own JVM settings (C1 only: each run a second sooner) and an empty build folder. */
	private static Path project(Path project) throws IOException {
		Files.createDirectories(project.resolve(".mvn"));
		Files.copy(Path.of("pom.xml"), project.resolve("pom.xml"));
		Files.copy(Path.of(".mvn/jvm.config"), project.resolve(".mvn/jvm.config"));
		Files.createDirectories(project.resolve("target/classes"));
		return project;
	}

	/** The step running in a project, and the arguments file it writes. */
	private record Step(Path project, Process maven) {

		/** Starts Maven in the project and adds it to {@code started} at once, for the test to stop whatever happens. */
		static Step start(Path project, List<Process> started, String... settings) throws IOException {
			List<String> command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q", "-B", "-f",
					project.resolve("pom.xml").toString(), "antrun:run@class-cache-for-run"));
			command.addAll(List.of(settings));
			ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
				.redirectOutput(project.resolve("maven.log").toFile());
			// the JDK running the tests, for Maven too
			Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
			builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
			Process maven = builder.start();
			started.add(maven);
			return new Step(project, maven);
		}

		String args() throws IOException, InterruptedException {
			assertThat(this.maven.waitFor(2, TimeUnit.MINUTES)).as("Maven ended").isTrue();
			assertThat(this.maven.exitValue()).as(Files.readString(this.project.resolve("maven.log"))).isZero();
			return Files.readString(this.project.resolve("target/run/class-cache.args"));
		}

	}

}
