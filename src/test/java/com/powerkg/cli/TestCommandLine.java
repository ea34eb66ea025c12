package com.powerkg.cli;

import java.io.PrintWriter;

import com.powerkg.PowerKgApplication;

/** The command line as the executable runs it, for tests outside this package. */
public final class TestCommandLine {

	private TestCommandLine() {
	}

	public static int run(PrintWriter out, PrintWriter err, String... args) {
		return PowerKgCommand.commandLine(PowerKgApplication.class, out, err).execute(args);
	}

}
