package com.powerkg.security;

import java.util.Set;
import java.util.stream.Collectors;

/** A caller's roles do not allow what a resolver was asked for; becomes a FORBIDDEN GraphQL error. */
public class AccessRefusedException extends RuntimeException {

	public AccessRefusedException(String message) {
		super(message);
	}

	/** Refuses unless the caller has one of the roles (or ADMIN). */
	public static void unlessAny(Caller caller, String what, Role... roles) {
		Set<Role> wanted = Set.of(roles);
		if (caller == null || !caller.hasAny(wanted)) {
			throw new AccessRefusedException(message(what, wanted, caller));
		}
	}

	/** "Query.customer needs role MARKETING (or ADMIN); analyst (ANALYST) has none of them": the one wording of a refusal. */
	static String message(String what, Set<Role> wanted, Caller caller) {
		boolean adminOnly = wanted.equals(Set.of(Role.ADMIN));
		return what + " needs role " + wanted.stream().sorted().map(Role::name).collect(Collectors.joining(" or "))
				+ (adminOnly ? "" : " (or ADMIN)") + ((caller != null) ? "; " + caller + (adminOnly ? " does not have it" : " has none of them") : "");
	}

}
