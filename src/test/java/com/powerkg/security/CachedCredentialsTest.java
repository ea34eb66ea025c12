package com.powerkg.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCredentialsTest {

	final AtomicInteger checks = new AtomicInteger();

	final AuthenticationProvider bcrypt = new AuthenticationProvider() {
		@Override
		public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication a) {
			CachedCredentialsTest.this.checks.incrementAndGet();
			if (!"admin".equals(a.getCredentials())) {
				throw new BadCredentialsException("Bad credentials");
			}
			return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
		}

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}
	};

	@Test
	void aRightPasswordIsCheckedOnceThenRememberedAWrongOneIsAlwaysChecked() {
		var cached = new CachedCredentials(this.bcrypt, new SignInThrottle(SecurityProperties.SignIn.DEFAULTS));

		for (int i = 0; i < 3; i++) {
			assertThat(cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")).isAuthenticated())
				.isTrue();
		}
		assertThat(this.checks).hasValue(1);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin1")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.checks).hasValue(3);
	}

}
