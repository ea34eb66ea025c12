package com.powerkg.security;

/** A caller's roles do not allow what a resolver was asked for; becomes a FORBIDDEN GraphQL error. */
public class AccessRefusedException extends RuntimeException {

	public AccessRefusedException(String message) {
		super(message);
	}

	/** Refuses unless the caller has one of the roles (or ADMIN). */
	public static void unlessAny(Caller caller, String what, Role... roles) {
		if (caller == null || !caller.hasAny(java.util.Set.of(roles))) {
			throw new AccessRefusedException(what + " needs role " + java.util.Arrays.stream(roles).map(Role::name)
				.collect(java.util.stream.Collectors.joining(" or ")) + " (or ADMIN)"
					+ ((caller != null) ? "; " + caller + " has none of them" : ""));
		}
	}

}
