package com.powerkg.run;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.graph.WriteSessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Repository;

/**
 * The run history in the graph and the publication pointer readers go through:
 * {@code (:Publication {name: 'current'})-[:PUBLISHES]->(:AnalyticsRun)}.
 */
@Repository
public class AnalyticsRuns {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsRuns.class);

	private static final String LOCK = CypherResource.load(AnalyticsRuns.class, "lock-runs.cypher");

	private static final String ACTIVE = CypherResource.load(AnalyticsRuns.class, "active-runs.cypher");

	private static final String CREATE = CypherResource.load(AnalyticsRuns.class, "create-run.cypher");

	private static final String FINISH = CypherResource.load(AnalyticsRuns.class, "finish-run.cypher");

	private static final String FAIL = CypherResource.load(AnalyticsRuns.class, "fail-run.cypher");

	private static final String STALE_RUNS = CypherResource.load(AnalyticsRuns.class, "stale-runs.cypher");

	/** One statement per result type: a type cannot be a parameter, and a literal type lets the planner use its index. */
	private static final List<String> DELETE_RESULTS = Stream.of("delete-run-tags", "delete-run-memberships", "delete-run-ratings",
			"delete-run-channels")
		.map(name -> CypherResource.load(AnalyticsRuns.class, name + ".cypher"))
		.toList();

	private static final String DELETE_PLAN = CypherResource.load(AnalyticsRuns.class, "delete-run-plan.cypher");

	private static final String DELETE_FAILED_FIGURES = CypherResource.load(AnalyticsRuns.class, "delete-failed-run-figures.cypher");

	/** The current publication: one row of {@code id} and {@code creditRun}, both null when none is published. */
	public static final String PUBLISHED = CypherResource.load(AnalyticsRuns.class, "published-run.cypher");

	private static final String LIST = CypherResource.load(AnalyticsRuns.class, "list-runs.cypher");

	private static final String BY_ID = CypherResource.load(AnalyticsRuns.class, "run-by-id.cypher");

	private static final String EXPIRE = CypherResource.load(AnalyticsRuns.class, "expire-abandoned-runs.cypher");

	private static final String HEARTBEAT = CypherResource.load(AnalyticsRuns.class, "heartbeat.cypher");

	private static final String FAIL_INTERRUPTED = CypherResource.load(AnalyticsRuns.class, "fail-interrupted-runs.cypher");

	private static final String REFRESH_STATISTICS = CypherResource.load(AnalyticsRuns.class, "refresh-planner-statistics.cypher");

	private static final String SAMPLED_EMPTY = CypherResource.load(AnalyticsRuns.class, "run-indexes-sampled-empty.cypher");

	/** How long a run waits for the indexes it made outdated to be resampled. */
	static final Duration STATISTICS_WAIT = Duration.ofMinutes(5);

	private final Driver driver;

	private final GraphReads reads;

	private final RunSettings properties;

	public AnalyticsRuns(Driver driver, RunSettings properties) {
		this.driver = driver;
		this.reads = new GraphReads(driver);
		this.properties = properties;
	}

	/** The database the runs are recorded in (for wiring a run's stages outside the application context). */
	public Driver driver() {
		return this.driver;
	}

	/**
	 * What readers are served: the published run and the run whose credit ratings it serves (its own, or an earlier
	 * one's), read together so that the two never come from different publications.
	 */
	public record Publication(String runId, String creditRunId) {

		public static final Publication NONE = new Publication(null, null);

		/** From a row with the columns of {@link #PUBLISHED}: {@code id} and {@code creditRun}, either may be null. */
		public static Publication of(Record r) {
			return new Publication(r.get("id").asString(null), r.get("creditRun").asString(null));
		}

	}

	public Publication publication() {
		var records = this.reads.records(PUBLISHED, Map.of());
		if (records.isEmpty()) {
			return Publication.NONE;
		}
		return Publication.of(records.getFirst());
	}

	/** The run whose credit ratings the published run serves (its own, or an earlier one's), if any. */
	public Optional<String> servedCreditRunId() {
		return Optional.ofNullable(publication().creditRunId());
	}

	/** The id of the run readers are served from, if any. */
	public Optional<String> publishedRunId() {
		return Optional.ofNullable(publication().runId());
	}

	/**
	 * Records a RUNNING run, or refuses when another run is active. A run whose process stopped beating for longer
	 * than the lease is marked FAILED first (and its writes deleted), so a crash on another machine does not block
	 * runs for good.
	 */
	public void start(String id, LocalDate asOf) {
		List<String> abandoned = new ArrayList<>();
		try (var session = WriteSessions.open(this.driver)) {
			session.executeWriteWithoutResult(tx -> {
				tx.run(LOCK, Map.of("id", id)).consume();
				abandoned.addAll(tx.run(EXPIRE, Map.of("leaseSeconds", this.properties.lease().toSeconds())).list(r -> r.get("id").asString()));
				var active = tx.run(ACTIVE).list();
				if (!active.isEmpty()) {
					var other = active.getFirst();
					throw new RunRefusedException("another analytics run is active: " + other.get("id").asString() + " started "
							+ other.get("startedAt").asLocalDateTime() + "; wait for it to finish (a run whose process died is taken as failed "
							+ properties.lease().toMinutes() + " min after its last sign of life; to do it now: MATCH (r:AnalyticsRun {id: '" + other.get("id").asString()
							+ "'}) SET r.status = 'FAILED')");
				}
				tx.run(CREATE, Map.of("id", id, "asOf", asOf)).consume();
			});
		}
		finally {
			if (!abandoned.isEmpty()) {
				log.warn("Analytics run(s) {} were abandoned by their process: marked FAILED, their writes deleted", abandoned);
				deleteUnpublishedResults();
			}
		}
	}

	/** Marks RUNNING runs without a heartbeat for longer than the lease FAILED and deletes their writes. */
	public List<String> expireAbandonedRuns() {
		List<String> ids = this.driver.executableQuery(EXPIRE)
			.withParameters(Map.of("leaseSeconds", this.properties.lease().toSeconds())).execute()
			.records().stream().map(r -> r.get("id").asString()).toList();
		if (!ids.isEmpty()) {
			deleteUnpublishedResults();
		}
		return ids;
	}

	/** A sign of life of a running run; see {@link AnalyticsProperties#lease()}. */
	public void heartbeat(String id) {
		this.driver.executableQuery(HEARTBEAT).withParameters(Map.of("id", id)).execute();
	}

	public Duration heartbeatInterval() {
		return this.properties.lease().dividedBy(5);
	}

	/**
	 * Brings the planner's statistics up to date with what a run wrote when they still take its run indexes for empty,
	 * and has the queries planned again. A run writes its tags, memberships, ratings and channel mixes with an indexed
	 * {@code run} property; on a store whose run indexes were last sampled empty, as at the first run after a load, the
	 * planner took {@code m.run = $run} for selective and read every relationship of the run for each customer instead
	 * of expanding from the customer (a check over the 2,000-customer sample took 16 s instead of 0.2 s), until Neo4j's
	 * background sampling caught up some seconds later. Only then: the refresh clears the query caches, which cost the
	 * test suite about a minute of planning when every run did it. Best effort: a database that refuses the procedures
	 * (a user without the right to them on an external server) keeps its background sampling, and the run goes on.
	 * @return how long it took, empty when the statistics did not need it
	 */
	public Optional<Duration> refreshPlannerStatistics() {
		long started = System.nanoTime();
		try {
			// a read (a follower's, on a cluster) like the run's other reads
			if (this.reads.records(SAMPLED_EMPTY, Map.of()).getFirst().get("stale").asLong() == 0) {
				return Optional.empty();
			}
			this.driver.executableQuery(REFRESH_STATISTICS).withParameters(Map.of("seconds", STATISTICS_WAIT.toSeconds())).execute();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the planner's statistics after the run ({}); Neo4j's background sampling will", ex.getMessage());
		}
		return Optional.of(Duration.ofNanos(System.nanoTime() - started));
	}

	/** @param tagCounts customers per tag code, in the order the run shows them */
	public void succeedAndPublish(String id, long customersAnalysed, Map<?, Long> tagCounts, List<RunParameter> parameters,
			double tagSeconds) {
		List<String> codes = tagCounts.keySet().stream().map(String::valueOf).toList();
		boolean published = !this.driver.executableQuery(FINISH)
			.withParameters(Map.of("id", id, "customersAnalysed", customersAnalysed, "tagCodes", codes, "tagCustomers",
					List.copyOf(tagCounts.values()), "parameterTags", parameters.stream().map(RunParameter::tag).toList(),
					"parameterNames", parameters.stream().map(RunParameter::name).toList(), "parameterValues",
					parameters.stream().map(RunParameter::value).toList(), "tagSeconds", tagSeconds))
			.execute()
			.records()
			.isEmpty();
		if (!published) {
			throw new IllegalStateException("run " + id + " is no longer RUNNING (marked failed meanwhile?): not published");
		}
	}

	public void fail(String id, String message) {
		this.driver.executableQuery(FAIL).withParameters(Map.of("id", id, "message", message)).execute();
	}

	/**
	 * Marks runs still RUNNING as failed and deletes their partial results. Only correct when no other process can
	 * be running one, which holds for an embedded database (one process owns the store).
	 * @return ids of the runs found interrupted
	 */
	public List<String> failInterruptedRuns(String reason) {
		List<String> ids = this.driver.executableQuery(FAIL_INTERRUPTED).withParameters(Map.of("message", reason)).execute()
			.records().stream().map(r -> r.get("id").asString()).toList();
		if (!ids.isEmpty()) {
			deleteUnpublishedResults();
		}
		return ids;
	}

	/**
	 * Deletes the per-customer results of failed runs and of superseded runs beyond the retention
	 * ({@link AnalyticsProperties#keepSupersededRuns()}), in chunks (auto-commit transactions), and the per-run figures
	 * of failed runs.
	 */
	public void deleteUnpublishedResults() {
		List<String> stale = this.driver.executableQuery(STALE_RUNS)
			.withParameters(Map.of("keep", this.properties.keepSupersededRuns()))
			.execute().records().getFirst().get("stale").asList(Value::asString);
		for (String run : stale) {
			// chunk by chunk, each its own transaction, using the run index of each relationship type
			for (String delete : Stream.concat(DELETE_RESULTS.stream(), Stream.of(DELETE_PLAN)).toList()) {
				while (this.driver.executableQuery(delete).withParameters(Map.of("run", run)).execute().records().getFirst()
					.get("deleted").asLong() > 0) {
					// next chunk
				}
			}
		}
		this.driver.executableQuery(DELETE_FAILED_FIGURES).execute();
	}

	public Optional<AnalyticsRun> byId(String id) {
		return this.reads.records(BY_ID, Map.of("id", id)).stream()
			.map(r -> toRun(r.get("run")))
			.findFirst();
	}

	public List<AnalyticsRun> latest(int last) {
		return this.reads.records(LIST, Map.of("last", last)).stream()
			.map(r -> toRun(r.get("run")))
			.toList();
	}

	/** A run's customers per tag, in the order it recorded them; none for a run that did not finish. */
	private static Map<String, Long> tagCounts(Figures run) {
		Map<String, Long> counts = new LinkedHashMap<>();
		List<String> code = run.texts("tagCodes");
		List<Long> count = run.wholes("tagCustomers");
		for (int i = 0; i < code.size(); i++) {
			counts.put(code.get(i), count.get(i));
		}
		return counts;
	}

	private static List<RunParameter> ruleParameters(Figures run) {
		List<String> tag = run.texts("parameterTags");
		List<String> name = run.texts("parameterNames");
		List<String> value = run.texts("parameterValues");
		List<RunParameter> parameters = new ArrayList<>();
		for (int i = 0; i < tag.size(); i++) {
			parameters.add(new RunParameter(tag.get(i), name.get(i), value.get(i)));
		}
		return parameters;
	}

	private static AnalyticsRun toRun(Value v) {
		Figures f = new Figures(v);
		return new AnalyticsRun(f.text("id"), v.get("asOf").asLocalDate(), f.text("status"), v.get("startedAt").asLocalDateTime(),
				v.get("finishedAt").isNull() ? null : v.get("finishedAt").asLocalDateTime(), v.get("current").asBoolean(),
				f.whole("customersAnalysed"), tagCounts(f), ruleParameters(f), f.number("tagSeconds"), f.text("message"),
				f.number("featureSeconds"), f.number("segmentSeconds"), f.whole("segmentSeed"), f.text("comparedWithRun"), f);
	}

	public static String newId(LocalDate asOf) {
		return "run-" + asOf + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS"));
	}

}
