package com.powerkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		// three cases in one Maven run (a reactor of three copies of the pom), the switched-off case in a second beside it:
		// each Maven run waits mostly for its own JVM to start (four runs side by side took about 12 s, two about 6)
		List<Process> started = new ArrayList<>();
		try {
			Path reactor = tmp.resolve("reactor");
			Path first = project(reactor.resolve("first"));
			Path withStore = project(reactor.resolve("with-store"));
			Files.createDirectories(withStore.resolve("data/data/databases/neo4j"));
			Path startedBefore = project(reactor.resolve("started-before"));
			Files.createDirectories(startedBefore.resolve("target/run"));
			Files.writeString(startedBefore.resolve("target/run/started"), "");
			Maven cases = Maven.start(aggregator(reactor, first, withStore, startedBefore), started);
			Path switchedOffProject = mavenSettings(project(tmp.resolve("switched-off")));
			Maven switchedOff = Maven.start(switchedOffProject, started, "-Dpowerkg.first-start-c1=false");

			assertThat(cases.args(first)).as("a first start").contains(QUICK_JIT_ONLY);
			assertThat(switchedOff.args(switchedOffProject)).as("switched off").doesNotContain(QUICK_JIT_ONLY);
			assertThat(cases.args(withStore)).as("a store there").doesNotContain(QUICK_JIT_ONLY);
			assertThat(cases.args(startedBefore)).as("started from this build folder before (another store, an external database)")
				.doesNotContain(QUICK_JIT_ONLY);
		}
		finally {
			// a case that failed, or could not start, leaves no Maven running in the folders being deleted
			started.forEach(Process::destroyForcibly);
		}
	}

	/** A copy of the pom (its artifact named after the folder, so that copies can share a reactor) and an empty build folder. */
	private static Path project(Path project) throws IOException {
		Files.createDirectories(project);
		String pom = Files.readString(Path.of("pom.xml"));
		String artifact = "<artifactId>power-customer-kg</artifactId>";
		assertThat(pom).contains(artifact);
		Files.writeString(project.resolve("pom.xml"),
				pom.replaceFirst(artifact, "<artifactId>power-customer-kg-" + project.getFileName() + "</artifactId>"));
		Files.createDirectories(project.resolve("target/classes"));
		return project;
	}

	/** Maven's own JVM settings (C1 only: each run a second sooner) in the folder a Maven run starts in. */
	private static Path mavenSettings(Path folder) throws IOException {
		Files.createDirectories(folder.resolve(".mvn"));
		Files.copy(Path.of(".mvn/jvm.config"), folder.resolve(".mvn/jvm.config"));
		return folder;
	}

	/**
	 * A pom that builds the projects in one Maven run; Maven's JVM settings are those of the top folder. It has the pom's
	 * parent, so the step's plugin has the same version in it (offline: no other is there), and skips the step itself.
	 */
	private static Path aggregator(Path folder, Path... projects) throws IOException {
		mavenSettings(folder);
		Matcher parentOfThePom = Pattern.compile("(?s)<parent>.*?</parent>").matcher(Files.readString(Path.of("pom.xml")));
		assertThat(parentOfThePom.find()).isTrue();
		String parent = parentOfThePom.group();
		StringBuilder modules = new StringBuilder();
		for (Path project : projects) {
			modules.append("<module>").append(folder.relativize(project)).append("</module>");
		}
		Files.writeString(folder.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  %s
				  <groupId>test</groupId>
				  <artifactId>first-start-cases</artifactId>
				  <version>1</version>
				  <packaging>pom</packaging>
				  <modules>%s</modules>
				  <build><plugins><plugin>
				    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-antrun-plugin</artifactId>
				    <configuration><skip>true</skip></configuration>
				  </plugin></plugins></build>
				</project>
				""".formatted(parent, modules));
		return folder;
	}

	/** Maven running the step in a project (or in each project of a reactor), and the arguments file each writes. */
	private record Maven(Path project, Process process) {

		/** Starts Maven in the project and adds it to {@code started} at once, for the test to stop whatever happens. */
		static Maven start(Path project, List<Process> started, String... settings) throws IOException {
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
			return new Maven(project, maven);
		}

		/** What the step wrote in {@code project}, once Maven has ended well. */
		String args(Path project) throws IOException, InterruptedException {
			assertThat(this.process.waitFor(2, TimeUnit.MINUTES)).as("Maven ended").isTrue();
			assertThat(this.process.exitValue()).as(Files.readString(this.project.resolve("maven.log"))).isZero();
			return Files.readString(project.resolve("target/run/class-cache.args"));
		}

	}

}
