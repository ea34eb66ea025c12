package com.powerkg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.powerkg.graph.GraphConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a command inside the application context (database, migrations, services) without the web server, and
 * closes it afterwards so the embedded store is released.
 */
final class SpringJob {

	private SpringJob() {
	}

	/**
	 * Each setting once, the last given winning: Spring joins a setting given twice on the command line into a list
	 * ("false,false"), which a boolean or number cannot be read from.
	 */
	static List<String> onceEach(List<String> settings) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			String name = (setting.startsWith("--") && equals > 2) ? setting.substring(2, equals) : setting;
			byName.remove(name);
			byName.put(name, setting);
		}
		return new ArrayList<>(byName.values());
	}

	/** After a command: every log line to the terminal, as the service logs, instead of progress and warnings only. */
	static final String VERBOSE = "--verbose";

	/**
	 * The same for every job of a JVM (the test suite sets it: a job's logging set-up would otherwise stay for the
	 * tests that follow in the same JVM).
	 */
	static final String VERBOSE_PROPERTY = "powerkg.command.verbose";

	/**
	 * A job's terminal shows its own output, progress and warnings; Spring's and Neo4j's INFO lines go to the log file
	 * (logback-command.xml). A default, so that a --logging.config of the operator's wins.
	 */
	static Map<String, Object> quiet(boolean verbose) {
		return verbose ? Map.of() : Map.of("logging.config", "classpath:logback-command.xml");
	}

	/** A configuration with no beans: for reading the settings (application.yaml, arguments) without starting anything. */
	@Configuration(proxyBeanMethods = false)
	static class SettingsOnly {

	}

	/**
	 * The settings a job would run with (application.yaml, environment, {@code --name=value} arguments), read without
	 * starting the database or anything else.
	 */
	static Environment environment(List<String> propertyArgs) {
		boolean verbose = propertyArgs.contains(VERBOSE) || Boolean.getBoolean(VERBOSE_PROPERTY);
		propertyArgs = propertyArgs.stream().filter(a -> !a.equals(VERBOSE)).toList();
		checkSettings(propertyArgs);
		var builder = new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(quiet(verbose));
		try (ConfigurableApplicationContext context = builder.run(propertyArgs.toArray(String[]::new))) {
			return context.getEnvironment();
		}
	}

	private static void checkSettings(List<String> propertyArgs) {
		for (String arg : propertyArgs) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("unexpected argument '" + arg
						+ "' (settings are given as --name=value, e.g. --spring.neo4j.uri=bolt://host:7687)");
			}
		}
	}

	static int run(Class<?> application, List<String> propertyArgs, Function<ConfigurableApplicationContext, Integer> job) {
		boolean verbose = propertyArgs.contains(VERBOSE) || Boolean.getBoolean(VERBOSE_PROPERTY);
		propertyArgs = propertyArgs.stream().filter(a -> !a.equals(VERBOSE)).toList();
		checkSettings(propertyArgs);
		var builder = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(quiet(verbose))
			// A job works on the data it is given: never slip the sample in. A property source of its own ahead of
			// every other (not a second command-line argument, which Spring would join with the user's into "a,b").
			.initializers(context -> context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("command-line-job", Map.of("powerkg.sample.load-on-empty-database", "false",
						GraphConfiguration.COMMAND_LINE_JOB, "true"))));
		List<String> args = onceEach(propertyArgs);
		try (ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new))) {
			return job.apply(context);
		}
	}

}
