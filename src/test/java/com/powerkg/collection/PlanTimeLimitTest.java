package com.powerkg.collection;

import java.time.Duration;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.powerkg.AsyncTimeoutProbe;
import com.powerkg.GraphTest;
import com.powerkg.Http;
import com.powerkg.api.RequestDeadline;
import com.powerkg.graph.GraphReads;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan asked for within a time limit (a GraphQL request, answered 408 when its time is over) is never computed for
 * nobody: at 1M customers a plan of another date takes minutes, and requests that gave up must not queue minutes of
 * work behind each other.
 */
@GraphTest
class PlanTimeLimitTest {

	static final LocalDate ANOTHER_DATE = LocalDate.of(2026, 11, 27);

	@Autowired
	CollectionPlans plans;

	@Autowired
	GraphReads reads;

	@Autowired
	GraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Autowired
	RequestDeadline deadline;

	@Test
	void aRequestThatWaitedItsWholeTimeForAnotherPlanGivesUpWithoutComputingItsOwn() throws Exception {
		try (var other = new AnotherPlanComputing(this.plans)) {
			assertThatThrownBy(() -> this.plans.plan(ANOTHER_DATE, Duration.ofMillis(300)))
				.isInstanceOf(PlanTimeoutException.class)
				.hasMessageContaining("The collection plan for 2026-11-27 was not ready within 300 ms (waiting for another plan's computation)")
				.hasMessageContaining("worklist");
		}
		// once the other computation is over, a request with time enough gets its plan
		assertThat(this.plans.plan(ANOTHER_DATE, Duration.ofSeconds(30)).date()).isEqualTo(ANOTHER_DATE);
	}

	@Test
	void aRequestWithNoTimeLeftReadsNothing() {
		this.plans.forget();
		assertThatThrownBy(() -> this.plans.plan(ANOTHER_DATE.plusDays(1), Duration.ZERO))
			.isInstanceOf(PlanTimeoutException.class);
	}

	/**
	 * Through GraphQL the plan that gave up is a typed error a client can tell apart (classification and
	 * {@code extensions.reason} TIMEOUT, the message saying what to do) and {@code collectionPlan} is null, not an
	 * INTERNAL_ERROR. Over HTTP the request's deadline is set as it comes in (RequestDeadline); here, in-process, the
	 * test sets one 800 ms away, so the plan gives up 500 ms before it (the margin for answering), about 300 ms on.
	 */
	@Test
	void aPlanThatGaveUpIsATimeoutErrorInGraphQl() throws Exception {
		try (var other = new AnotherPlanComputing(this.plans)) {
			long started = System.nanoTime();
			GraphQlTester withDeadline = ((ExecutionGraphQlServiceTester) this.graphQl).mutate()
				.configureExecutionInput((input, builder) -> builder
					.graphQLContext(context -> context.put(RequestDeadline.CONTEXT_KEY, RequestDeadline.in(Duration.ofMillis(800))))
					.build())
				.build();
			withDeadline.document("{ collectionPlan(date: \"2026-11-26\", first: 5) { totalCount } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getErrorType().toString()).isEqualTo("TIMEOUT");
					assertThat(error.getExtensions()).containsEntry("reason", "TIMEOUT");
					assertThat(error.getPath()).isEqualTo("collectionPlan");
					assertThat(error.getMessage()).startsWith("The collection plan for 2026-11-26 was not ready within ")
						.contains("waiting for another plan's computation")
						.contains("worklist");
				}))
				.path("collectionPlan")
				.valueIsNull();
			// given up about 300 ms on; the margin itself is RequestDeadlineTest's, this only shows the deadline is used
			// (without it the plan would wait for the other computation to end); slack for a busy machine
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("given up by the request's deadline")
				.isLessThan(Duration.ofMillis(2000));
		}
	}

	/** What ends a plan's read at its deadline: the database itself, with the error code the plan tells apart. */
	@Test
	void theDatabaseEndsAReadAtItsTimeout() {
		assertThatThrownBy(() -> this.reads.records("UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n",
				Map.of(), Duration.ofMillis(500)))
			.isInstanceOfSatisfying(ClientException.class,
					ex -> assertThat(ex.code()).startsWith("Neo.ClientError.Transaction.TransactionTimedOut"));
	}

	/**
	 * A GraphQL request over HTTP that waits is asynchronous, and the servlet container ends it with a 503 at its own
	 * async timeout. Spring MVC's async timeout does not reach it: Spring for GraphQL answers with
	 * {@code ServerResponse.async} without a timeout, and writing that starts a new asynchronous request with the
	 * container's default of 30 s (at 1M a plan given {@code powerkg.graphql.timeout=300s} was answered 503 after 30 s).
	 * So the container's default follows {@code powerkg.graphql.timeout} plus a margin, and what a real request got is
	 * read where the container keeps it, for a request that waited for another plan's computation (one answered at once is
	 * not asynchronous, and the probe would read nothing).
	 */
	@Test
	void theContainerKeepsAWaitingRequestOpenLongerThanTheGraphQlTimeoutSoItGets408Not503() throws Exception {
		AsyncTimeoutProbe.LAST.set(-1);
		this.plans.forget();
		CompletableFuture<HttpResponse<String>> request;
		try (var client = Executors.newSingleThreadExecutor(); var other = new AnotherPlanComputing(this.plans)) {
			// a thread of its own: the common pool has one worker on two cores, and the other computation may hold it
			request = CompletableFuture.supplyAsync(() -> Http.as(this.port, "marketing")
				.graphQl("{ collectionPlan(date: \"" + ANOTHER_DATE + "\", first: 1) { totalCount } }"), client);
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!this.plans.computing.hasQueuedThreads() && System.nanoTime() < until) {
				Thread.sleep(10);
			}
			assertThat(this.plans.computing.hasQueuedThreads()).as("the request waits for the other computation").isTrue();
		}
		HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("totalCount").doesNotContain("errors");
		assertThat(Duration.ofMillis(AsyncTimeoutProbe.LAST.get())).as("the container's time limit of the request")
			.isEqualTo(this.deadline.containerTimeout())
			.isGreaterThan(this.deadline.timeout());
	}

	/** Another plan's computation, holding the plans' lock until it is closed. */
	static final class AnotherPlanComputing implements AutoCloseable {

		private final CountDownLatch release = new CountDownLatch(1);

		private final ExecutorService thread = Executors.newSingleThreadExecutor();

		private final CompletableFuture<Void> computation;

		AnotherPlanComputing(CollectionPlans plans) throws InterruptedException {
			var held = new CountDownLatch(1);
			// a thread of its own, not the common pool's only worker on two cores, which a waiting request may need
			this.computation = CompletableFuture.runAsync(() -> {
				plans.computing.lock();
				try {
					held.countDown();
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					plans.computing.unlock();
				}
			}, this.thread);
			assertThat(held.await(10, TimeUnit.SECONDS)).as("the other computation holds the lock").isTrue();
		}

		@Override
		public void close() throws Exception {
			this.release.countDown();
			this.computation.get(10, TimeUnit.SECONDS);
			this.thread.shutdown();
		}

	}

}
