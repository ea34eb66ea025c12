package com.powerkg.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs about 80 ms of CPU on purpose:
 * on two cores that alone would cap the API at some 25 requests per second. A successful sign-in is therefore
 * remembered for a few minutes, keyed by the user and a SHA-256 of the password (never the password itself); a wrong
 * password is always checked against the hash, through {@link SignInThrottle}, which refuses floods of wrong passwords
 * before they cost a hash check. Changing users needs a restart, which also clears this.
 */
final class CachedCredentials implements AuthenticationProvider {

	static final Duration REMEMBER = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider checked;

	private final SignInThrottle throttle;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	/** Checks running now, by user and password hash: the same credentials wait for that check instead of queueing. */
	private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

	private record Remembered(Authentication authentication, long until) {
	}

	CachedCredentials(AuthenticationProvider checked, SignInThrottle throttle) {
		this.checked = checked;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication request) throws AuthenticationException {
		String key = request.getName() + ":" + sha256(String.valueOf(request.getCredentials()));
		long now = System.nanoTime();
		Remembered hit = this.remembered.get(key);
		if (hit != null && now - hit.until() < 0) {
			return hit.authentication();
		}
		// the same user and password arriving many times at once (an app starting 32 clients) is checked once
		var mine = new CompletableFuture<Authentication>();
		var running = this.checking.putIfAbsent(key, mine);
		if (running != null) {
			try {
				return running.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof AuthenticationException failed) {
					throw failed;
				}
				throw ex;
			}
		}
		try {
			Authentication result = this.throttle.check(request.getName(), clientAddress(request),
					() -> this.checked.authenticate(request));
			if (result != null && result.isAuthenticated()) {
				if (this.remembered.size() >= MAX_ENTRIES) {
					this.remembered.clear();
				}
				this.remembered.put(key, new Remembered(result, now + REMEMBER.toNanos()));
			}
			mine.complete(result);
			return result;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.checking.remove(key, mine);
		}
	}

	private static String clientAddress(Authentication request) {
		return (request.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null)
				? details.getRemoteAddress() : "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
