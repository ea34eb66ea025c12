package com.powerkg.ingest;

/**
 * The import could not start or had to stop as a whole (missing directory, missing customers.csv, a file
 * without a required column, a binary file). The message is one line that names the file and the fix.
 */
public class ImportFailedException extends RuntimeException {

	public ImportFailedException(String message) {
		super(message);
	}

	public ImportFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
