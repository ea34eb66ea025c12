package com.powerkg.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's users ({@code powerkg.security.users}): name, bcrypt password hash and roles. The defaults in
 * application.yaml are documented local users whose password is their name; the service refuses them on any address
 * other than loopback. Hashes come from {@code java -jar power-customer-kg.jar hash-password}.
 */
@ConfigurationProperties("powerkg.security")
public record SecurityProperties(List<User> users) {

	public SecurityProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < users.size(); i++) {
			User user = users.get(i);
			String where = "powerkg.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				throw new IllegalArgumentException(where + ".name is empty");
			}
			if (!names.add(user.name())) {
				throw new IllegalArgumentException(where + ".name '" + user.name() + "' is used twice");
			}
			if (user.password() == null || !user.password().startsWith("{bcrypt}$2")) {
				throw new IllegalArgumentException(where + ".password of '" + user.name()
						+ "' must be a bcrypt hash ({bcrypt}$2a$...), never a plain password; make one with "
						+ "'java -jar power-customer-kg.jar hash-password'");
			}
			if (user.roles() == null || user.roles().isEmpty()) {
				throw new IllegalArgumentException(where + ".roles of '" + user.name() + "' is empty; give one or more of "
						+ List.of(Role.values()));
			}
		}
	}

	public record User(String name, String password, Set<Role> roles) {
	}

}
