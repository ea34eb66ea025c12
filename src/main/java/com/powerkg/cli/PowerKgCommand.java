package com.powerkg.cli;

import java.io.PrintWriter;
import java.util.Set;

import com.powerkg.PowerKgApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

	static final Set<String> NON_SERVE_FIRST_ARGS = Set.of("generate", "import", "analyze", "worklist", "hash-password",
			"help", "--help", "-h", "--version", "-V");

	public static int execute(String[] args) {
		if (args.length == 0 || !NON_SERVE_FIRST_ARGS.contains(args[0])) {
			SpringApplication.run(PowerKgApplication.class, args);
			return SERVING;
		}
		return commandLine().execute(args);
	}

	static CommandLine commandLine() {
		return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	static CommandLine commandLine(PrintWriter out, PrintWriter err) {
		var cli = new CommandLine(new PowerKgCommand());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("power-kg " + commandLine.getCommandName() + ": " + OneLineReason.of(ex));
			return refusedBecauseARunIsActive(ex) ? REFUSED_RUN_ACTIVE : 1;
		});
		return cli;
	}

	private static boolean refusedBecauseARunIsActive(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof com.powerkg.analytics.RunRefusedException) {
				return true;
			}
		}
		return false;
	}

}
