package com.powerkg.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security: anonymous callers reach the health endpoint only; everything else (GraphQL, GraphiQL, Neo4j
 * Browser's files) needs HTTP Basic sign-in with a configured user. What a user may read or change inside GraphQL is
 * decided per field by the schema's {@code @access} directive ({@link AccessInstrumentation}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** Neo4j Browser and the style and guide the service serves for it. */
	static final String[] BROWSER_PATHS = { "/browser", "/browser/**", "/browser-extras/**" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, InMemoryUserDetailsManager users, PasswordEncoder encoder,
			SecurityProperties properties) throws Exception {
		var checked = new DaoAuthenticationProvider(users);
		checked.setPasswordEncoder(encoder);
		return http
			.authenticationManager(new ProviderManager(new CachedCredentials(checked,
					new SignInThrottle(properties.signIn()))))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
				// Browser hands its user the database itself (Bolt, unmasked): analysts and admins only
				.requestMatchers(BROWSER_PATHS).hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
				.anyRequest().authenticated())
			// there, others get a page saying who may use Browser and how to get it; other refusals stay as they are
			.exceptionHandling(exceptions -> exceptions.defaultAccessDeniedHandlerFor(new BrowserAccessDenied(),
					new OrRequestMatcher(Arrays.stream(BROWSER_PATHS)
						.<RequestMatcher>map(PathPatternRequestMatcher::pathPattern).toList())))
			.httpBasic(basic -> basic.realmName("power-customer-kg").authenticationEntryPoint(SecurityConfiguration::signInRefused))
			// stateless Basic sign-in: no session cookie, so no cross-site request can ride on one; GraphQL only
			// accepts application/json, which a foreign form cannot send without a CORS preflight
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.anonymous(Customizer.withDefaults())
			.build();
	}

	/** 401 with the Basic challenge, or 429 with Retry-After when the sign-in was throttled ({@link SignInThrottle}). */
	private static void signInRefused(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
		if (ex instanceof SignInThrottle.Refused refused) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, refused.retryAfter.toSeconds())));
			response.sendError(429, refused.getMessage());
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"power-customer-kg\"");
		response.sendError(401, "sign in with HTTP Basic");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager users(SecurityProperties properties, PasswordEncoder encoder,
			@Value("${server.address:}") String serverAddress) {
		if (properties.users().isEmpty()) {
			log.warn("No API users are configured (powerkg.security.users): only the health endpoint can be used");
		}
		boolean loopback = isLoopback(serverAddress);
		List<UserDetails> users = properties.users().stream().map(user -> {
			if (encoder.matches(user.name(), user.password())) {
				if (!loopback) {
					throw new IllegalStateException("User '" + user.name() + "' still has the documented local password "
							+ "while the service listens on " + (serverAddress.isBlank() ? "all addresses" : serverAddress)
							+ "; set powerkg.security.users with your own bcrypt hashes (README, Security)");
				}
				log.info("API user '{}' has the documented local password; fine on loopback, change it before serving "
						+ "other machines", user.name());
			}
			return User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().stream().map(Role::name).toArray(String[]::new))
				.build();
		}).toList();
		return new InMemoryUserDetailsManager(users);
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
