package com.powerkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's terminal shows its output, progress and warnings; Spring's and Neo4j's INFO lines go to the log file. */
@ExtendWith(OutputCaptureExtension.class)
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

	/** The set-up itself, as a job loads it (once it did not parse, and every command from the jar failed at start). */
	@Test
	void theQuietSetUpLoadsAndSendsSpringsLinesToTheFileAndProgressToTheTerminal(@TempDir Path tmp, CapturedOutput output)
			throws Exception {
		var context = new LoggerContext();
		context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
		Path file = tmp.resolve("power-kg.log");
		context.putProperty("LOG_FILE", file.toString());
		var configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(getClass().getResource("/logback-command.xml"));

		assertThat(new StatusUtil(context).getHighestLevel(0)).as(context.getStatusManager().getCopyOfStatusList().toString())
			.isLessThan(Status.WARN);
		context.getLogger("org.springframework.boot.SpringApplication").info("Started in 3 s");
		context.getLogger("powerkg.progress.import").info("customers.csv: 2000 rows");
		context.stop();

		assertThat(Files.readString(file)).contains("Started in 3 s");
		assertThat(output.getOut()).contains("customers.csv: 2000 rows").doesNotContain("Started in 3 s");
	}

}
