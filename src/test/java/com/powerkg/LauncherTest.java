package com.powerkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jar started with the machine's older Java says in one line to use Java 25, instead of an
 * UnsupportedClassVersionError stack trace: its entry point is compiled for Java 17.
 */
class LauncherTest {

	/** The older Java of Debian machines like this one. */
	static final List<Path> OLDER_JAVAS = List.of(Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
			Path.of("/usr/lib/jvm/java-21-openjdk-amd64/bin/java"));

	@Test
	void anOlderJavaGetsOneLineSayingToUseJava25() throws Exception {
		Path java = OLDER_JAVAS.stream().filter(Files::isExecutable).findFirst().orElse(null);
		assumeTrue(java != null, "no Java older than 25 on this machine");

		Process process = new ProcessBuilder(java.toString(), "-cp", "target/classes", "com.powerkg.Launcher", "analyze")
			.redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes()).strip();

		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(output).doesNotContain("\n").doesNotContain("Exception")
			.startsWith("power-kg needs Java 25 or newer, this is Java ").contains("JAVA_HOME");
	}

}
