package com.powerkg.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;

/**
 * Keeps a flood of wrong passwords from taking the CPU from signed-in users. Checking a bcrypt hash costs ~80 ms of
 * CPU on purpose; 8 clients sending wrong passwords would otherwise keep both cores busy. So:
 * <ul>
 * <li>failed sign-ins are counted per user name and per client address in token buckets (Bucket4j): once a bucket is
 * empty, further sign-ins that would need a hash check from that user or address are refused at once (HTTP 429 with
 * {@code Retry-After}), without hashing, until tokens come back;</li>
 * <li>hash checks run at most {@link SecurityProperties.SignIn#concurrentChecks()} at a time (one core of two by
 * default), so even failures spread over many addresses leave a core to the signed-in users;</li>
 * <li>a burst is logged once when it starts and once a minute while it goes on, with the count refused.</li>
 * </ul>
 * A remembered sign-in ({@link CachedCredentials}) needs no hash check and is never throttled.
 */
final class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	static final int MAX_TRACKED = 10_000;

	private final SecurityProperties.SignIn settings;

	private final Semaphore checks;

	private final Map<String, Bucket> perUser = new ConcurrentHashMap<>();

	private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();

	private final Map<String, Burst> bursts = new ConcurrentHashMap<>();

	private static final class Burst {

		long refused;

		long lastLogged;

	}

	SignInThrottle(SecurityProperties.SignIn settings) {
		this.settings = settings;
		this.checks = new Semaphore(settings.concurrentChecks(), true);
	}

	/** A sign-in refused without checking the password: too many failures, or too many checks waiting. */
	static final class Refused extends AuthenticationException {

		final Duration retryAfter;

		Refused(String message, Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}

	}

	/** Runs a hash check for this user and address, unless one of them is throttled. */
	<T> T check(String user, String address, Supplier<T> hashCheck) {
		boolean acquired;
		try {
			acquired = this.checks.tryAcquire(this.settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refused("sign-in interrupted", Duration.ofSeconds(1));
		}
		if (!acquired) {
			refused("checks", "sign-in checks are all busy");
			throw new Refused("too many sign-ins are being checked; try again shortly", Duration.ofSeconds(1));
		}
		try {
			throttled(this.perUser, "user '" + user + "'", user, this.settings.failuresPerUser());
			throttled(this.perAddress, "address " + address, address, this.settings.failuresPerAddress());
			try {
				return hashCheck.get();
			}
			catch (AuthenticationException ex) {
				bucket(this.perUser, user, this.settings.failuresPerUser()).tryConsume(1);
				bucket(this.perAddress, address, this.settings.failuresPerAddress()).tryConsume(1);
				throw ex;
			}
		}
		finally {
			this.checks.release();
		}
	}

	private void throttled(Map<String, Bucket> buckets, String who, String key, int failures) {
		Bucket bucket = buckets.get(key);
		if (bucket != null && bucket.getAvailableTokens() < 1) {
			long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
			Duration retry = Duration.ofNanos(Math.max(waitNanos, 1_000_000_000L));
			refused(who, "more than " + failures + " failed sign-ins");
			throw new Refused("too many failed sign-ins for " + who + "; try again in " + Math.max(1, retry.toSeconds()) + " s", retry);
		}
	}

	private Bucket bucket(Map<String, Bucket> buckets, String key, int failures) {
		if (buckets.size() >= MAX_TRACKED && !buckets.containsKey(key)) {
			buckets.clear(); // a flood of made-up names must not grow memory without end
		}
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, this.settings.failureWindow()).build())
			.build());
	}

	/** Logs a burst of refusals when it starts and then at most once a minute, with how many were refused. */
	private void refused(String who, String why) {
		if (this.bursts.size() >= MAX_TRACKED && !this.bursts.containsKey(who)) {
			this.bursts.clear();
		}
		Burst burst = this.bursts.computeIfAbsent(who, k -> new Burst());
		synchronized (burst) {
			burst.refused++;
			long now = System.nanoTime();
			if (burst.lastLogged == 0 || now - burst.lastLogged > Duration.ofMinutes(1).toNanos()) {
				log.warn("Sign-ins throttled for {} ({}): {} refused without a password check since the last note", who, why,
						burst.refused);
				burst.refused = 0;
				burst.lastLogged = now;
			}
		}
	}

}
