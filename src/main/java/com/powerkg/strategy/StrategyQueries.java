package com.powerkg.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;

import org.springframework.stereotype.Repository;

/**
 * "Which strategy applies" in one Cypher query per question: the facts of a customer (or of a profile) followed by
 * the shared resolution ({@code resolution.cypher}), so customer and campaign answers cannot drift apart.
 */
@Repository
public class StrategyQueries {

	private static final String RESOLUTION = CypherResource.load(StrategyQueries.class, "resolution.cypher");

	private static final String FOR_CUSTOMER = CypherResource.load(StrategyQueries.class, "facts-of-customer.cypher")
			+ "\n" + RESOLUTION;

	private static final String FOR_PROFILE = CypherResource.load(StrategyQueries.class, "facts-of-profile.cypher") + "\n"
			+ RESOLUTION;

	private static final String CATALOGUE = CypherResource.load(StrategyQueries.class, "catalogue.cypher");

	private static final String SET_ENABLED = CypherResource.load(StrategyQueries.class, "set-enabled.cypher");

	private final GraphReads reads;

	private final Driver driver;

	public StrategyQueries(GraphReads reads, Driver driver) {
		this.reads = reads;
		this.driver = driver;
	}

	/**
	 * @param runId the published run whose segments and tags count (null: none yet, so only needs, channels and
	 * unconditioned strategies can apply)
	 * @return the matches; none for an unknown customer
	 */
	public List<StrategyMatch> forCustomer(String customerId, Aspect aspect, String runId, String creditRunId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("customerId", customerId);
		parameters.put("aspect", (aspect != null) ? aspect.name() : null);
		parameters.put("runId", runId);
		parameters.put("creditRunId", creditRunId);
		return matches(FOR_CUSTOMER, parameters);
	}

	public List<StrategyMatch> forProfile(StrategyProfile profile, Aspect aspect) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("aspect", (aspect != null) ? aspect.name() : null);
		parameters.put("segments", profile.segments().stream()
			.map(s -> Map.of("dimension", s.dimension(), "level", s.level()))
			.toList());
		parameters.put("tags", profile.tags());
		parameters.put("grades", (profile.creditGrade() != null) ? List.of(profile.creditGrade()) : List.of());
		parameters.put("needs", profile.needs());
		parameters.put("channels", (profile.preferredChannel() != null) ? List.of(profile.preferredChannel()) : List.of());
		return matches(FOR_PROFILE, parameters);
	}

	public List<Strategy> catalogue(Aspect aspect) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("aspect", (aspect != null) ? aspect.name() : null);
		return strategies(CATALOGUE, parameters);
	}

	/** @return the changed strategy, or empty when no strategy has the code */
	public Optional<Strategy> setEnabled(String code, boolean enabled, String reason, String by) {
		return this.driver.executableQuery(SET_ENABLED)
			.withParameters(Map.of("code", code, "enabled", enabled, "reason", reason, "by", by))
			.execute().records().stream()
			.map(record -> strategy(record.asMap()))
			.findFirst();
	}

	@SuppressWarnings("unchecked")
	private List<StrategyMatch> matches(String cypher, Map<String, Object> parameters) {
		List<StrategyMatch> result = new ArrayList<>();
		for (Map<String, Object> row : this.reads.rows(cypher, parameters)) {
			result.add(new StrategyMatch(Strategy.fromMap((Map<String, Object>) row.get("strategy")),
					List.copyOf((List<String>) row.get("because")), ((Number) row.get("specificity")).intValue(),
					((List<Map<String, Object>>) row.get("outranked")).stream().map(Strategy::fromMap).toList()));
		}
		return result;
	}

	private List<Strategy> strategies(String cypher, Map<String, Object> parameters) {
		return this.reads.rows(cypher, parameters).stream().map(StrategyQueries::strategy).toList();
	}

	@SuppressWarnings("unchecked")
	private static Strategy strategy(Map<String, Object> row) {
		return Strategy.fromMap((Map<String, Object>) row.get("strategy"));
	}

}
