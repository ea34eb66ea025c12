package com.powerkg.cli;

import java.io.PrintWriter;

import com.powerkg.graph.EmbeddedNeo4jStartException;
import com.powerkg.graph.MigrationFailedException;
import com.powerkg.run.RunRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import org.springframework.boot.SpringApplication;

/**
 * The one executable jar's command line (SPEC §8). No subcommand = serve; a subcommand runs one job against the
 * configured database (embedded by default) and exits 0 on success, otherwise non-zero with a one-line reason.
 * Spring properties ({@code --spring.neo4j.uri=...}, {@code --powerkg.*}) may follow any subcommand.
 */
@Command(name = "power-kg", mixinStandardHelpOptions = true, version = "power-customer-kg 0.1.0",
		description = "Power customer knowledge graph. Without a subcommand: serve GraphQL and Neo4j Browser.",
		subcommands = { GenerateCommand.class, ImportCommand.class, AnalyzeCommand.class, WorklistCommand.class, HashPasswordCommand.class,
				CommandLine.HelpCommand.class })
public class PowerKgCommand {

	/** Returned by {@link #execute} when the service was started and keeps running. */
	public static final int SERVING = Integer.MIN_VALUE;

	/** Exit code of a job refused because another analytics run is active: try again later. */
	public static final int REFUSED_RUN_ACTIVE = 3;

	/** Exit code of wrong arguments (picocli's own for unknown commands and options). */
	public static final int WRONG_ARGUMENTS = 2;

	/** The Spring application the service and every job run (the main class hands it in: no import of it here). */
	private final Class<?> application;

	PowerKgCommand(Class<?> application) {
		this.application = application;
	}

	Class<?> application() {
		return this.application;
	}

	/**
	 * Serves when there are no arguments or only settings ({@code --name=value}); anything else is a command line for
	 * picocli, so a misspelt command ends with exit 2 and the usage instead of starting a server.
	 */
	public static int execute(Class<?> application, String[] args) {
		if (servesWith(args)) {
			SpringApplication.run(application, args);
			// Stopped by a signal (Ctrl-C, SIGTERM), the JVM would end with 130 or 143 once the service has shut down
			// cleanly, and `./mvnw spring-boot:run` would report a BUILD FAILURE: after Spring has closed everything (the
			// database included), end with 0.
			SpringApplication.getShutdownHandlers().add(() -> Runtime.getRuntime().halt(0));
			return SERVING;
		}
		return commandLine(application).execute(args);
	}

	static boolean servesWith(String[] args) {
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=") || arg.startsWith("--help") || arg.startsWith("--version")) {
				return false;
			}
		}
		return true;
	}

	static CommandLine commandLine(Class<?> application) {
		return commandLine(application, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	static CommandLine commandLine(Class<?> application, PrintWriter out, PrintWriter err) {
		var cli = new CommandLine(new PowerKgCommand(application));
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		// wrong arguments: what is wrong, what may have been meant, and the usage; exit 2
		cli.setParameterExceptionHandler((ex, arguments) -> {
			var errors = ex.getCommandLine().getErr();
			errors.println(ex.getMessage());
			CommandLine.UnmatchedArgumentException.printSuggestions(ex, errors);
			ex.getCommandLine().usage(errors);
			return WRONG_ARGUMENTS;
		});
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("power-kg " + commandLine.getCommandName() + ": " + OneLineReason.of(ex));
			return busy(ex) ? REFUSED_RUN_ACTIVE : 1;
		});
		return cli;
	}

	/**
	 * Refused because the database is busy, which a later try may not be: another analytics run is active, another
	 * process holds the embedded store, or another process is applying the Cypher migrations.
	 */
	static boolean busy(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof RunRefusedException
					|| (t instanceof EmbeddedNeo4jStartException start && start.storeInUse())
					|| (t instanceof MigrationFailedException migration && migration.lockHeld())) {
				return true;
			}
		}
		return false;
	}

}
