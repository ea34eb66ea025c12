package com.powerkg.cli;

/** A command could not do its job; the message is the one line the operator sees. */
class JobFailedException extends RuntimeException {

	JobFailedException(String message) {
		super(message);
	}

	/** With the cause kept: a busy store's start failure still makes the exit code 3 ({@link PowerKgCommand#busy}). */
	JobFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
