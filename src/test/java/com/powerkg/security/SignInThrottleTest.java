package com.powerkg.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong passwords are throttled per user and per address before they cost a hash check; checks run one at a time. */
class SignInThrottleTest {

	final AtomicInteger hashChecks = new AtomicInteger();

	private String wrong() {
		this.hashChecks.incrementAndGet();
		throw new BadCredentialsException("Bad credentials");
	}

	@Test
	void afterFiveFailuresOfOneUserTheNextSignInIsRefusedWithoutAHashCheckOthersStillChecked() {
		var throttle = new SignInThrottle(new SecurityProperties.SignIn(5, 100, Duration.ofMinutes(1), 1, Duration.ofSeconds(1)));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> throttle.check("analyst", "10.0.0.1", this::wrong)).isInstanceOf(BadCredentialsException.class);
		}

		assertThatThrownBy(() -> throttle.check("analyst", "10.0.0.2", this::wrong))
			.isInstanceOf(SignInThrottle.Refused.class)
			.hasMessageStartingWith("too many failed sign-ins for user 'analyst'; try again in ");
		assertThat(this.hashChecks).hasValue(5);
		assertThat(throttle.check("marketing", "10.0.0.1", () -> "signed in")).isEqualTo("signed in");
	}

	@Test
	void anAddressSendingManyWrongPasswordsForMadeUpUsersIsRefusedAsAWhole() {
		var throttle = new SignInThrottle(new SecurityProperties.SignIn(5, 20, Duration.ofMinutes(1), 1, Duration.ofSeconds(1)));
		for (int i = 0; i < 20; i++) {
			String user = "guess" + i;
			assertThatThrownBy(() -> throttle.check(user, "10.0.0.9", this::wrong)).isInstanceOf(BadCredentialsException.class);
		}

		assertThatThrownBy(() -> throttle.check("guess-next", "10.0.0.9", this::wrong))
			.isInstanceOf(SignInThrottle.Refused.class)
			.hasMessageContaining("address 10.0.0.9");
		assertThat(this.hashChecks).hasValue(20);
		assertThat(throttle.check("admin", "10.0.0.10", () -> "another address is not affected")).isNotNull();
	}

	@Test
	void theFailureAllowanceComesBackAfterItsWindow() throws InterruptedException {
		var throttle = new SignInThrottle(new SecurityProperties.SignIn(2, 100, Duration.ofMillis(200), 1, Duration.ofSeconds(1)));
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> throttle.check("u", "a", this::wrong)).isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> throttle.check("u", "a", this::wrong)).isInstanceOf(SignInThrottle.Refused.class);

		Thread.sleep(300);

		assertThat(throttle.check("u", "a", () -> "allowed again")).isEqualTo("allowed again");
	}

	@Test
	void hashChecksRunOneAtATimeSoAFloodCannotTakeBothCores() {
		var throttle = new SignInThrottle(new SecurityProperties.SignIn(1000, 1000, Duration.ofMinutes(1), 1, Duration.ofSeconds(30)));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		List<CompletableFuture<Void>> flood = new ArrayList<>();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 8; i++) {
				String user = "u" + i;
				flood.add(CompletableFuture.runAsync(() -> {
					for (int k = 0; k < 5; k++) {
						try {
							throttle.check(user, "10.0.0." + user, () -> {
								most.accumulateAndGet(running.incrementAndGet(), Math::max);
								try {
									Thread.sleep(5);
								}
								catch (InterruptedException ex) {
									Thread.currentThread().interrupt();
								}
								running.decrementAndGet();
								throw new BadCredentialsException("Bad credentials");
							});
						}
						catch (BadCredentialsException expected) {
							// a wrong password
						}
					}
				}, threads));
			}
			CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).join();
		}
		assertThat(most).hasValue(1);
	}

	@Test
	void aSignInThatCannotGetACheckInTimeIsRefusedNotQueuedForever() throws Exception {
		var throttle = new SignInThrottle(new SecurityProperties.SignIn(5, 20, Duration.ofMinutes(1), 1, Duration.ofMillis(50)));
		var holding = new java.util.concurrent.CountDownLatch(1);
		var release = new java.util.concurrent.CountDownLatch(1);
		var slow = CompletableFuture.runAsync(() -> throttle.check("slow", "a", () -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}));
		holding.await();

		assertThatThrownBy(() -> throttle.check("other", "b", () -> "never")).isInstanceOf(SignInThrottle.Refused.class)
			.hasMessageStartingWith("too many sign-ins are being checked");
		release.countDown();
		slow.join();
	}

}
