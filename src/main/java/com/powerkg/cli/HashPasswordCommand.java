package com.powerkg.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Makes the bcrypt hash an API user's password is configured with (powerkg.security.users[n].password). The
 * password is read from the console without echo, or from standard input, never from the command line, where it
 * would stay in the shell history.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
		description = "Read a password (console or standard input) and print its {bcrypt} hash for powerkg.security.users.")
class HashPasswordCommand implements Callable<Integer> {

	static final int MINIMUM_LENGTH = 8;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		String password;
		if (System.console() != null) {
			char[] typed = System.console().readPassword("Password: ");
			password = (typed != null) ? new String(typed) : "";
		}
		else {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			password = (line != null) ? line : "";
		}
		if (password.length() < MINIMUM_LENGTH) {
			throw new JobFailedException("a password needs at least " + MINIMUM_LENGTH + " characters");
		}
		this.spec.commandLine().getOut().println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}
