package com.powerkg.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPropertiesTest {

	static final String HASH = "{bcrypt}$2a$10$E4OvCNZh3q1yjB6f0F/ogeqXsEjLFxgJPorJbyZyGuTskw1YLSHBG";

	@Test
	void aPlainPasswordIsRefusedNamingTheUserAndHowToHashIt() {
		assertThatThrownBy(() -> new SecurityProperties(List.of(new SecurityProperties.User("ops", "secret", Set.of(Role.ADMIN)))))
			.hasMessage("powerkg.security.users[0].password of 'ops' must be a bcrypt hash ({bcrypt}$2a$...), never a plain "
					+ "password; make one with 'java -jar power-customer-kg.jar hash-password'");
	}

	@Test
	void aUserWithoutRolesOrATwiceUsedNameIsRefused() {
		assertThatThrownBy(() -> new SecurityProperties(List.of(new SecurityProperties.User("ops", HASH, Set.of()))))
			.hasMessageStartingWith("powerkg.security.users[0].roles of 'ops' is empty");
		assertThatThrownBy(() -> new SecurityProperties(List.of(new SecurityProperties.User("ops", HASH, Set.of(Role.ADMIN)),
				new SecurityProperties.User("ops", HASH, Set.of(Role.ANALYST)))))
			.hasMessage("powerkg.security.users[1].name 'ops' is used twice");
	}

	@Test
	void adminMayDoEverythingAndOnlyAdminOrThePersonalDataGrantUnmask() {
		assertThat(Caller.of("a", Role.ADMIN).hasAny(Set.of(Role.STEWARD))).isTrue();
		assertThat(Caller.of("m", Role.MARKETING).hasAny(Set.of(Role.STEWARD))).isFalse();
		assertThat(Caller.of("m", Role.MARKETING).mayReadPersonalData()).isFalse();
		assertThat(Caller.of("c", Role.MARKETING, Role.PERSONAL_DATA).mayReadPersonalData()).isTrue();
		assertThat(Caller.of("a", Role.ADMIN).mayReadPersonalData()).isTrue();
	}

	@Test
	void aDocumentedLocalPasswordIsRefusedBeyondLoopbackAndAcceptedOnIt() {
		// HASH is the hash of "admin", the documented local password of the user admin
		var properties = new SecurityProperties(List.of(new SecurityProperties.User("admin", HASH, Set.of(Role.ADMIN))));
		var encoder = org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
		var configuration = new SecurityConfiguration();

		assertThatThrownBy(() -> configuration.users(properties, encoder, "0.0.0.0"))
			.hasMessageStartingWith("User 'admin' still has the documented local password while the service listens on 0.0.0.0");
		assertThat(configuration.users(properties, encoder, "127.0.0.1").userExists("admin")).isTrue();
	}

	@Test
	void loopbackIsRecognisedAndAnyOtherAddressIsNot() {
		assertThat(SecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
		assertThat(SecurityConfiguration.isLoopback("::1")).isTrue();
		assertThat(SecurityConfiguration.isLoopback("0.0.0.0")).isFalse();
		assertThat(SecurityConfiguration.isLoopback("")).isFalse();
	}

}
