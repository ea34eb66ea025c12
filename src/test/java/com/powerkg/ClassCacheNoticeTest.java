package com.powerkg;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassCacheNoticeTest {

	@Test
	void aStartThatRecordsTheCacheIsToldFromTheJvmArguments() {
		assertThat(ClassCacheNotice.recording(List.of("--enable-native-access=ALL-UNNAMED",
				"-XX:AOTCacheOutput=/p/target/run/classes.aot", "-Xlog:aot*=off"))).contains("/p/target/run/classes.aot");
		assertThat(ClassCacheNotice.recording(List.of("-XX:AOTCache=/p/target/run/classes.aot"))).isEmpty();
		assertThat(ClassCacheNotice.recording(List.of("-Xshare:auto"))).isEmpty();
	}

}
