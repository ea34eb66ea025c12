package com.powerkg.api;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;

import com.powerkg.analytics.AnalyticsRun;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.graph.CypherResource;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Tag taxonomy, customer tags and analytics runs. */
@Controller
class TaxonomyController {

	private static final String TAXONOMY = CypherResource.load(TaxonomyController.class, "tag-taxonomy.cypher");

	static final int DEFAULT_RUNS = 10;

	static final int MAX_RUNS = 100;

	private final Neo4jClient neo4j;

	private final CustomerQueries customers;

	private final AnalyticsService analytics;

	TaxonomyController(Neo4jClient neo4j, CustomerQueries customers, AnalyticsService analytics) {
		this.neo4j = neo4j;
		this.customers = customers;
		this.analytics = analytics;
	}

	@QueryMapping
	List<TagTaxonomy.Category> tagTaxonomy() {
		return this.neo4j.query(TAXONOMY).fetch().all().stream().map(TaxonomyController::category).toList();
	}

	@SuppressWarnings("unchecked")
	private static TagTaxonomy.Category category(Map<String, Object> row) {
		var tags = ((List<Map<String, Object>>) row.get("tags")).stream()
			.map(t -> new TagTaxonomy.Tag((String) t.get("code"), (String) t.get("nameZh"), (String) t.get("nameEn"),
					(String) t.get("description"), (List<String>) t.get("broader"),
					((List<Map<String, Object>>) t.get("parameters")).stream()
						.map(p -> new TagTaxonomy.Parameter((String) p.get("name"), text(p.get("value")), (String) p.get("unit"),
								(String) p.get("description")))
						.toList()))
			.toList();
		return new TagTaxonomy.Category((String) row.get("code"), (String) row.get("nameZh"), (String) row.get("nameEn"), tags);
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Double d && d == Math.rint(d)) {
			return String.valueOf(d.longValue());
		}
		return String.valueOf(value);
	}

	@BatchMapping(typeName = "Customer")
	Map<CustomerProfile, List<CustomerTag>> tags(List<CustomerProfile> profiles, BatchLoaderEnvironment environment) {
		GraphQLContext context = environment.getContext();
		String runId = PublishedRun.idFor(context, this.customers::publishedRunId);
		return PerCustomer.of(profiles, this.customers.tagsOf(profiles.stream().map(CustomerProfile::id).toList(), runId));
	}

	@QueryMapping
	List<AnalyticsRun> analyticsRuns(@Argument Integer last) {
		int n = (last != null) ? last : DEFAULT_RUNS;
		if (n < 1 || n > MAX_RUNS) {
			throw new InvalidArgumentException("last must be between 1 and " + MAX_RUNS + " (was " + n + ")");
		}
		return this.analytics.latest(n);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	List<TagTaxonomy.TagCount> tagCounts(AnalyticsRun run) {
		return run.tagCounts().stream().map(entry -> {
			int eq = entry.indexOf('=');
			return new TagTaxonomy.TagCount(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
		}).toList();
	}

}
