package com.powerkg.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who sent a GraphQL request and with which roles. Put into the GraphQL context by {@link CallerInterceptor} on the
 * request thread, so resolvers on any thread (DataLoaders, virtual threads) see the same caller.
 */
public record Caller(String name, Set<Role> roles) {

	/** Key of the caller in the GraphQL context. */
	public static final String CONTEXT_KEY = "powerkg.caller";

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public static Caller of(String name, Role... roles) {
		return new Caller(name, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
	}

	static Caller from(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return new Caller(authentication.getName(), roles);
	}

	/** ADMIN may do everything; otherwise the caller needs one of the roles. */
	public boolean hasAny(Set<Role> wanted) {
		return this.roles.contains(Role.ADMIN) || this.roles.stream().anyMatch(wanted::contains);
	}

	/** Names and phones unmasked: ADMIN, or the PERSONAL_DATA grant. */
	public boolean mayReadPersonalData() {
		return this.roles.contains(Role.ADMIN) || this.roles.contains(Role.PERSONAL_DATA);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.roles.stream().map(Role::name).sorted().collect(Collectors.joining(", ")) + ")";
	}

}
