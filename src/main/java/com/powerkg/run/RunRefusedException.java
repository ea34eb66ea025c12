package com.powerkg.run;

/** A run cannot start now (another one is active); the message says which and what to do. */
public class RunRefusedException extends RuntimeException {

	public RunRefusedException(String message) {
		super(message);
	}

}
