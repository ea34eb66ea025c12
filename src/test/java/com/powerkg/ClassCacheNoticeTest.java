package com.powerkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassCacheNoticeTest {

	@Test
	void aStartThatRecordsTheCacheIsToldFromTheJvmArguments() {
		assertThat(ClassCacheNotice.recording(List.of("--enable-native-access=ALL-UNNAMED",
				"-XX:AOTCacheOutput=/p/target/run/classes.aot", "-Xlog:aot*=off"))).contains("/p/target/run/classes.aot");
		assertThat(ClassCacheNotice.recording(List.of("-XX:AOTCache=/p/target/run/classes.aot"))).isEmpty();
		assertThat(ClassCacheNotice.recording(List.of("-Xshare:auto"))).isEmpty();
	}

	@Test
	void aFirstStartWithTheQuickCompilerOnlyIsToldFromTheJvmArguments() {
		assertThat(ClassCacheNotice.quickJitOnly(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"))).isTrue();
		assertThat(ClassCacheNotice.quickJitOnly(List.of("-Xshare:auto", "-Dpowerkg.class-cache.started=/p/target/run/started")))
			.isFalse();
		assertThat(ClassCacheNotice.quickJitOnly(List.of("-XX:TieredStopAtLevel=4"))).isFalse();
	}

	@Test
	void aStartedServiceMarksTheBuildAsStartedCreatingOrRedatingTheFile(@TempDir Path tmp) throws Exception {
		Path marker = tmp.resolve("target/run/started");

		ClassCacheNotice.markStarted(marker);
		assertThat(marker).exists();

		Files.setLastModifiedTime(marker, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		ClassCacheNotice.markStarted(marker);
		assertThat(Files.getLastModifiedTime(marker).toInstant()).isAfter(Instant.now().minusSeconds(60));
	}

}
