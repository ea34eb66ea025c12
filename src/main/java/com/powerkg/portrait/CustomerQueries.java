package com.powerkg.portrait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.run.AnalyticsRuns;

import org.springframework.stereotype.Repository;

/**
 * Read side of the customer portrait. Explicit Cypher read through {@link GraphReads}: the portrait is a traversal,
 * not an object graph worth mapping.
 */
@Repository
public class CustomerQueries {

	private static final String BY_ID = CypherResource.load(CustomerQueries.class, "customer-by-id.cypher");

	private static final String BY_IDS = CypherResource.load(CustomerQueries.class, "customers-by-ids.cypher");

	private static final String PAGE = CypherResource.load(CustomerQueries.class, "customers-page.cypher");

	/** The customer and the current publication (one row, whether a run is published or not). */
	private static final String BY_ID_WITH_PUBLICATION = CypherResource.load(CustomerQueries.class,
			"customer-with-publication.cypher");

	private static final String IN_REGIONS = CypherResource.load(CustomerQueries.class, "customers-in-regions.cypher");

	private final GraphReads reads;

	private final AnalyticsRuns runs;

	public CustomerQueries(GraphReads reads, AnalyticsRuns runs) {
		this.reads = reads;
		this.runs = runs;
	}

	public Optional<CustomerProfile> byId(String id) {
		return this.reads.optional(BY_ID, Map.of("id", id)).map(record -> CustomerProfile.fromNode(record.get("c").asMap()));
	}

	public record Found(CustomerProfile customer, AnalyticsRuns.Publication publication) {
	}

	public Optional<Found> byIdWithPublication(String id) {
		return this.reads.optional(BY_ID_WITH_PUBLICATION, Map.of("id", id))
			.map(record -> new Found(CustomerProfile.fromNode(record.get("c").asMap()), AnalyticsRuns.Publication.of(record)));
	}

	public Map<String, CustomerProfile> byIds(List<String> ids) {
		Map<String, CustomerProfile> result = new HashMap<>();
		this.reads.list(BY_IDS, Map.of("ids", ids), record -> CustomerProfile.fromNode(record.get("c").asMap()))
			.forEach(profile -> result.put(profile.id(), profile));
		return result;
	}

	/** Ids of the customers of the given supply areas (网格). */
	public Set<String> idsInRegions(List<String> regions) {
		return Set.copyOf(this.reads.list(IN_REGIONS, Map.of("regions", regions), record -> record.get(0).asString()));
	}

	/** The published run and the run whose ratings it serves, read together. */
	public AnalyticsRuns.Publication publication() {
		return this.runs.publication();
	}

	/**
	 * @param limit rows to fetch (the caller asks for one more than it shows)
	 * @param runId the published run tag and segment filters look at (null: none published, they match nobody)
	 */
	public List<CustomerProfile> page(CustomerFilter filter, String afterId, int limit, String runId, String creditRunId) {
		Map<String, Object> params = new HashMap<>();
		params.put("runId", runId);
		params.put("creditRunId", creditRunId);
		params.put("creditGrades", filter.creditGrades());
		params.put("after", afterId);
		params.put("usageCategories", filter.usageCategories());
		params.put("paymentMode", filter.paymentMode());
		params.put("regions", filter.regions());
		params.put("importance", filter.importance());
		params.put("tagsAllOf", filter.tagsAllOf());
		params.put("tagsAnyOf", filter.tagsAnyOf());
		params.put("segments", filter.segments() == null ? null
				: filter.segments().stream().map(s -> Map.of("dimension", s.dimension(), "level", s.level())).toList());
		params.put("limit", limit);
		return new ArrayList<>(this.reads.list(PAGE, params, record -> CustomerProfile.fromNode(record.get("c").asMap())));
	}

}
