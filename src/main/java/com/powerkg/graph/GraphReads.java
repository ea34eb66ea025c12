package com.powerkg.graph;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;

import org.springframework.stereotype.Component;

/**
 * The one way to read the graph: a Cypher statement with parameters, run by the driver as a read (routing control
 * READ), so that on a Neo4j cluster ({@code neo4j://}) reads go to the followers and leave the leader to the writes.
 * The bookmarks of the driver's {@code executableQuery} keep reads causally after this process's writes, those made
 * through {@code executableQuery} and those made in {@link WriteSessions}.
 */
@Component
public class GraphReads {

	private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

	private static final String CUSTOMER_COUNT = CypherResource.load(GraphReads.class, "customer-count.cypher");

	private static final String AWAIT_INDEXES = CypherResource.load(GraphReads.class, "await-indexes.cypher");

	private final Driver driver;

	public GraphReads(Driver driver) {
		this.driver = driver;
	}

	public List<Record> records(String cypher, Map<String, Object> parameters) {
		return this.driver.executableQuery(cypher).withParameters(parameters).withConfig(READ).execute().records();
	}

	/**
	 * The rows of a read the database ends after {@code timeout} (a {@code Neo.ClientError.Transaction.TransactionTimedOut*}
	 * error): for work whose caller stops waiting.
	 */
	public List<Record> records(String cypher, Map<String, Object> parameters, Duration timeout) {
		QueryConfig config = QueryConfig.builder().withRouting(RoutingControl.READ).withTimeout(timeout).build();
		return this.driver.executableQuery(cypher).withParameters(parameters).withConfig(config).execute().records();
	}

	/** The rows streamed into a collector, none of them kept beyond it (a read of a million rows). */
	public <A, T> T collect(String cypher, Map<String, Object> parameters, Collector<Record, A, T> collector) {
		return this.driver.executableQuery(cypher).withParameters(parameters).withConfig(READ).execute(collector,
				(keys, result, summary) -> result);
	}

	/** The rows as maps of plain Java values (strings, numbers, java.time, lists and maps of them). */
	public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		return list(cypher, parameters, Record::asMap);
	}

	/** The first row as a map of plain Java values, if any. */
	public Optional<Map<String, Object>> row(String cypher, Map<String, Object> parameters) {
		return optional(cypher, parameters).map(Record::asMap);
	}

	/** Parameters from names and values, which may be null (unlike {@code Map.of}). */
	public static Map<String, Object> parameters(Object... namesAndValues) {
		Map<String, Object> parameters = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return parameters;
	}

	public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return records(cypher, parameters).stream().map(mapper).toList();
	}

	public Optional<Record> optional(String cypher, Map<String, Object> parameters) {
		List<Record> records = records(cypher, parameters);
		return records.isEmpty() ? Optional.empty() : Optional.of(records.getFirst());
	}

	/** The statement's one row; a statement that returns none is a bug, not a case to handle. */
	public Record single(String cypher, Map<String, Object> parameters) {
		return optional(cypher, parameters).orElseThrow(() -> new IllegalStateException("no row from: " + cypher));
	}

	/** How many customers the graph holds (from the count store). */
	public long customerCount() {
		return single(CUSTOMER_COUNT, Map.of()).get("n").asLong();
	}

	/** Waits until every index is online, at most this long. */
	public void awaitIndexes(Duration atMost) {
		records(AWAIT_INDEXES, Map.of("seconds", atMost.toSeconds()));
	}

	/** The routing of reads (for tests). */
	static QueryConfig readConfig() {
		return READ;
	}

}
