package com.powerkg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.powerkg.PowerKgApplication;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a command inside the application context (database, migrations, services) without the web server, and
 * closes it afterwards so the embedded store is released.
 */
final class SpringJob {

	private SpringJob() {
	}

	static int run(List<String> propertyArgs, Function<ConfigurableApplicationContext, Integer> job) {
		for (String arg : propertyArgs) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("unexpected argument '" + arg
						+ "' (settings are given as --name=value, e.g. --spring.neo4j.uri=bolt://host:7687)");
			}
		}
		List<String> args = new ArrayList<>(propertyArgs);
		// A job works on the data it is given: never slip the sample in. Passed as an argument because
		// builder.properties(...) are defaults that application.yaml would override.
		args.add("--powerkg.sample.load-on-empty-database=false");
		var builder = new SpringApplicationBuilder(PowerKgApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false);
		try (ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new))) {
			return job.apply(context);
		}
	}

}
