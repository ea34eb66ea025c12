package com.powerkg.cli;

/** A command could not do its job; the message is the one line the operator sees. */
class JobFailedException extends RuntimeException {

	JobFailedException(String message) {
		super(message);
	}

}
