package com.powerkg.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's users ({@code powerkg.security.users}): name, bcrypt password hash and roles. The defaults in
 * application.yaml are documented local users whose password is their name; the service refuses them on any address
 * other than loopback. Hashes come from {@code java -jar power-customer-kg.jar hash-password}.
 */
@ConfigurationProperties("powerkg.security")
public record SecurityProperties(List<User> users, @DefaultValue SignIn signIn) {

	/**
	 * Defences of the sign-in against floods of wrong passwords ({@link SignInThrottle}).
	 *
	 * @param failuresPerUser    failed sign-ins of one user name within {@code failureWindow} before further ones that need
	 *                           a password check are refused (HTTP 429) until the window refills
	 * @param failuresPerAddress the same per client address
	 * @param failureWindow      how long the failure allowance takes to refill completely
	 * @param concurrentChecks   password hash checks (bcrypt, ~80 ms of CPU each) running at the same time
	 * @param queueTimeout       how long a sign-in waits for a check before it is refused (HTTP 429)
	 */
	public record SignIn(@DefaultValue("5") int failuresPerUser, @DefaultValue("20") int failuresPerAddress,
			@DefaultValue("1m") Duration failureWindow, @DefaultValue("1") int concurrentChecks,
			@DefaultValue("5s") Duration queueTimeout) {

		public static final SignIn DEFAULTS = new SignIn(5, 20, Duration.ofMinutes(1), 1, Duration.ofSeconds(5));

		public SignIn {
			if (failuresPerUser < 1 || failuresPerAddress < 1 || concurrentChecks < 1) {
				throw new IllegalArgumentException("powerkg.security.sign-in: failures-per-user, failures-per-address and "
						+ "concurrent-checks must be at least 1");
			}
			if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero() || queueTimeout == null
					|| queueTimeout.isNegative()) {
				throw new IllegalArgumentException("powerkg.security.sign-in: failure-window must be positive and queue-timeout 0 or more");
			}
		}

	}

	public SecurityProperties(List<User> users) {
		this(users, SignIn.DEFAULTS);
	}

	@ConstructorBinding
	public SecurityProperties {
		signIn = (signIn != null) ? signIn : SignIn.DEFAULTS;
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
