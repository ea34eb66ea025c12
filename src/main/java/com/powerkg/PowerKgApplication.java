package com.powerkg;

import com.powerkg.cli.PowerKgCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the one executable jar: without a subcommand it serves (GraphQL, Browser, embedded Neo4j);
 * with one ({@code generate}, {@code import}, {@code analyze}, {@code worklist}) it runs that job and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PowerKgApplication {

	public static void main(String[] args) {
		int exitCode = PowerKgCommand.execute(PowerKgApplication.class, args);
		if (exitCode != PowerKgCommand.SERVING) {
			System.exit(exitCode);
		}
	}

}
