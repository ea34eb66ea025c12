package com.powerkg.api;

/** A client asked for something the API refuses (e.g. a page too large); becomes a BAD_REQUEST GraphQL error. */
public class InvalidArgumentException extends RuntimeException {

	public InvalidArgumentException(String message) {
		super(message);
	}

	/** The reason an audited change must give, stripped; refused when blank. */
	public static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidArgumentException("give a reason: it is kept with the change for whoever wonders later");
		}
		return reason.strip();
	}

}
