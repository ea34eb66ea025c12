package com.powerkg.cli;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's terminal shows its output, progress and warnings; Spring's and Neo4j's INFO lines go to the log file. */
class QuietCommandTest {

	private static FilterReply terminal(String logger, Level level) {
		var event = new LoggingEvent();
		event.setLoggerName(logger);
		event.setLevel(level);
		event.setLoggerContext(new LoggerContext());
		return new TerminalFilter().decide(event);
	}

	@Test
	void theTerminalShowsProgressAndWarningsOnly() {
		assertThat(terminal("powerkg.progress.import", Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(terminal("powerkg.progress.histories", Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(terminal("org.springframework.boot.SpringApplication", Level.INFO)).isEqualTo(FilterReply.DENY);
		assertThat(terminal("org.neo4j.driver.internal.DriverFactory", Level.INFO)).isEqualTo(FilterReply.DENY);
		assertThat(terminal("com.powerkg.graph.GraphMigrations", Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(terminal("com.powerkg.analytics.AnalyticsService", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
	}

	@Test
	void aJobLogsThroughTheQuietSetUpUnlessVerbose() {
		assertThat(SpringJob.quiet(false)).isEqualTo(Map.of("logging.config", "classpath:logback-command.xml"));
		assertThat(SpringJob.quiet(true)).isEmpty();
		assertThat(getClass().getResource("/logback-command.xml")).isNotNull();
	}

}
