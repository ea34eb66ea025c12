package com.powerkg.collection;

/** A collection plan was not ready within its caller's time limit; nothing more is computed for it. */
public class PlanTimeoutException extends RuntimeException {

	public PlanTimeoutException(String message) {
		super(message);
	}

}
