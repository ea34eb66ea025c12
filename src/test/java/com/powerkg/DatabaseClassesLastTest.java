package com.powerkg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's order tells the classes that need a database (or start processes) from the pure ones. */
class DatabaseClassesLastTest {

	@Test
	void theSharedContextOwnStoresCommandLineJobsAndChildProcessesNeedTheDatabaseRulesDoNot() throws ClassNotFoundException {
		assertThat(needsDatabase("com.powerkg.graph.GraphMigrationsTest")).as("@GraphTest").isTrue();
		assertThat(needsDatabase("com.powerkg.ingest.BulkLoadTest")).as("own stores").isTrue();
		assertThat(needsDatabase("com.powerkg.cli.CommandLineTest")).as("command-line jobs").isTrue();
		assertThat(needsDatabase("com.powerkg.LauncherTest")).as("a child JVM, started by the class itself").isTrue();
		assertThat(needsDatabase("com.powerkg.KilledProcessTest")).as("own stores and child JVMs").isTrue();
		assertThat(needsDatabase("com.powerkg.FirstStartJitTest")).as("Maven runs, started by a record declared in it").isTrue();
		assertThat(needsDatabase("com.powerkg.segmentation.KMeansSegmenterTest")).isFalse();
		assertThat(needsDatabase("com.powerkg.tagging.TagRulesTest")).isFalse();
	}

	private static boolean needsDatabase(String testClass) throws ClassNotFoundException {
		return DatabaseClassesLast.needsDatabase(Class.forName(testClass));
	}

}
