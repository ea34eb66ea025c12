package com.powerkg.api;

/** A client asked for something the API refuses (e.g. a page too large); becomes a BAD_REQUEST GraphQL error. */
public class InvalidArgumentException extends RuntimeException {

	public InvalidArgumentException(String message) {
		super(message);
	}

}
