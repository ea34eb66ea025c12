package com.powerkg.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.powerkg.security.Caller;
import com.powerkg.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready, one request of each serving kind runs in the background: a portrait, a page of 50
 * portraits, a customer's strategies and the first page of the published run's collection plan. After a restart the
 * first request of each kind took 0.3-1.6 s where the next took 0.03-0.27 s (the sample, docs/benchmarks.md): planning
 * its Cypher, loading and compiling its resolvers' classes and, on a large store, reading its pages from disk. The
 * requests go through the GraphQL service as a MARKETING caller (personal data masked), one after another, and their
 * answers are dropped; it stops when the service does. {@code powerkg.graphql.warm-up=false} switches it off.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServingWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ServingWarmUp.class);

	static final Caller CALLER = Caller.of("warm-up", Role.MARKETING);

	/** The published run's date and a customer of the first page: what the other requests need. */
	static final String FIND = "{ analyticsRuns(last: 100) { asOf current } customers(first: 1) { edges { node { id } } } }";

	/**
	 * Each request's deadline: the published run's plan is a stored page; should it not be stored (a run published
	 * meanwhile), computing the plan gives up by then instead of holding other dates' plans for the request timeout.
	 */
	static final Duration DEADLINE = Duration.ofSeconds(5);

	/** How long a stopping service waits for the warm-up request under way: its deadline and a margin. */
	static final Duration STOP_WAIT = DEADLINE.plusSeconds(5);

	/** A serving request: its name in the log and its document. */
	record Kind(String name, String document) {
	}

	/** In the order they run. */
	static final List<Kind> KINDS = List.of(
			new Kind("portrait", """
					query($id: ID!) { customer(id: $id) { id name phone usageCategory industryCode voltageKv contractCapacityKva
					  importance paymentMode region openedOn tags { code evidence } segments { dimension level }
					  credit { grade score probabilityOfDefault reasons } channels { channel payments } } }"""),
			new Kind("page of 50", """
					{ customers(first: 50) { edges { node { id name region tags { code }
					  segments { dimension level } credit { grade score } channels { channel payments } } } pageInfo { hasNextPage endCursor } } }"""),
			new Kind("strategies", """
					query($id: ID!) { strategies(customerId: $id) { strategy { code aspect textZh } because } }"""),
			new Kind("collection plan", """
					query($date: Date!) { collectionPlan(date: $date, first: 50) { totalCount
					  workload { planContacts baselineContacts }
					  edges { node { rank round method advice customer { id name } } } } }"""));

	/** What a warm-up ran: each kind with null when it answered, or the first error; why it ran nothing. */
	record Result(Map<String, String> kinds, String skipped, Duration took) {
	}

	private final ExecutionGraphQlService graphQl;

	private final boolean enabled;

	private volatile boolean stopping;

	/** The background warm-up, while it runs. */
	private volatile Thread running;

	ServingWarmUp(ExecutionGraphQlService graphQl, @Value("${powerkg.graphql.warm-up:true}") boolean enabled) {
		this.graphQl = graphQl;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (!this.enabled) {
			return;
		}
		this.running = Thread.ofPlatform().daemon().name("serving-warm-up").start(() -> {
			try {
				Result result = warmUp();
				if (result.skipped() != null) {
					log.info("Serving queries not warmed up: {}", result.skipped());
				}
				else if (result.kinds().values().stream().allMatch(error -> error != null)) {
					log.warn("Serving queries not warmed up, every request failed: {}", result.kinds());
				}
				else {
					List<String> answered = result.kinds().entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
					log.info("Serving queries warmed up in {} ms: {}", result.took().toMillis(), String.join(", ", answered));
					result.kinds().forEach((kind, error) -> {
						if (error != null) {
							log.warn("Warm-up request '{}' failed: {}", kind, error);
						}
					});
				}
			}
			catch (RuntimeException ex) {
				log.warn("Serving queries not warmed up (the first requests warm up instead): {}", ex.toString());
			}
		});
	}

	/**
	 * The service is stopping: no further warm-up request, and a request under way is waited for (up to
	 * {@link #STOP_WAIT}) before the context goes on to close the driver and the database under it. Stopped within
	 * seconds of its start, the service otherwise logged the driver's retry warning with a stack trace for a warm-up
	 * query whose database had gone.
	 */
	@EventListener(ContextClosedEvent.class)
	void onClose() {
		this.stopping = true;
		Thread warmUp = this.running;
		if (warmUp != null && warmUp != Thread.currentThread()) {
			try {
				if (!warmUp.join(STOP_WAIT)) {
					log.info("Stopping with a warm-up request still under way after {} s", STOP_WAIT.toSeconds());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Runs each kind once; a kind that fails is reported, and the others still run. */
	Result warmUp() {
		long start = System.nanoTime();
		if (this.stopping) {
			return new Result(Map.of(), "the service is stopping", elapsed(start));
		}
		ExecutionGraphQlResponse found = execute(FIND, Map.of());
		if (!found.getErrors().isEmpty()) {
			return new Result(Map.of(), "finding what to ask for failed: " + found.getErrors().getFirst().getMessage(), elapsed(start));
		}
		List<Map<String, Object>> runs = found.field("analyticsRuns").getValue();
		List<Map<String, Object>> edges = found.field("customers.edges").getValue();
		Object date = runs.stream().filter(r -> Boolean.TRUE.equals(r.get("current"))).map(r -> r.get("asOf")).findFirst().orElse(null);
		if (date == null || edges == null || edges.isEmpty()) {
			return new Result(Map.of(), "no published run or no customer yet", elapsed(start));
		}
		@SuppressWarnings("unchecked")
		Object id = ((Map<String, Object>) edges.getFirst().get("node")).get("id");
		Map<String, String> kinds = new LinkedHashMap<>();
		for (Kind kind : KINDS) {
			if (this.stopping) {
				return new Result(kinds, "the service is stopping", elapsed(start));
			}
			ExecutionGraphQlResponse response = execute(kind.document(), Map.of("id", id, "date", date));
			kinds.put(kind.name(), response.getErrors().isEmpty() ? null : response.getErrors().getFirst().getMessage());
		}
		return new Result(kinds, null, elapsed(start));
	}

	private ExecutionGraphQlResponse execute(String document, Map<String, Object> variables) {
		// a document declares only the variables it uses
		Map<String, Object> used = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (document.contains("$" + name)) {
				used.put(name, value);
			}
		});
		var request = new DefaultExecutionGraphQlRequest(document, null, used, null, UUID.randomUUID().toString(), null);
		long deadline = RequestDeadline.in(DEADLINE);
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(Caller.CONTEXT_KEY, CALLER).put(RequestDeadline.CONTEXT_KEY, deadline))
			.build());
		ExecutionGraphQlResponse response = this.graphQl.execute(request).block(Duration.ofMinutes(5));
		if (response == null) {
			throw new IllegalStateException("no answer to a warm-up request");
		}
		return response;
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
