package com.powerkg.tagging;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.portrait.CustomerProfile;
import com.powerkg.portrait.CustomerTag;
import com.powerkg.portrait.PortraitParts;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.security.Caller;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.neo4j.driver.Driver;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The tag taxonomy and its rule parameters, a customer's tags, a run's tag counts (graphql/tags.graphqls). */
@Controller
class TaxonomyController {

	private static final String TAXONOMY = CypherResource.load(TaxonomyController.class, "tag-taxonomy.cypher");

	private static final String RULE_PARAMETER = CypherResource.load(TaxonomyController.class, "rule-parameter.cypher");

	private static final String SET_RULE_PARAMETER = CypherResource.load(TaxonomyController.class, "set-rule-parameter.cypher");

	private final GraphReads reads;

	private final Driver driver;

	TaxonomyController(GraphReads reads, Driver driver) {
		this.reads = reads;
		this.driver = driver;
	}

	/**
	 * A steward changes a tag's rule parameter. The new value is read as the type the parameter has (a whole number,
	 * a number, or a comma-separated list), so a rule never meets a value it cannot use.
	 */
	@MutationMapping
	TagTaxonomy.Parameter setRuleParameter(@Argument String tag, @Argument String name, @Argument String value,
			@Argument String reason, GraphQLContext context) {
		String why = InvalidArgumentException.requireReason(reason);
		Object current = this.reads.row(RULE_PARAMETER, Map.of("tag", tag, "name", name))
			.map(row -> row.get("value"))
			.orElseThrow(() -> new InvalidArgumentException("tag " + tag + " has no rule parameter '" + name
					+ "'; see tagTaxonomy for its parameters"));
		Object parsed = parse(tag + "." + name, current, value.strip());
		Caller caller = context.get(Caller.CONTEXT_KEY);
		Map<String, Object> row = this.driver.executableQuery(SET_RULE_PARAMETER)
			.withParameters(Map.of("tag", tag, "name", name, "value", parsed, "reason", why, "by", caller.name()))
			.execute().records().getFirst().asMap();
		return new TagTaxonomy.Parameter((String) row.get("name"), TagParameters.text(row.get("value")), (String) row.get("unit"),
				(String) row.get("description"));
	}

	/** The new value in the type of the current one; numbers may not be negative. */
	static Object parse(String key, Object current, String value) {
		try {
			if (current instanceof Long || current instanceof Integer) {
				long parsed = Long.parseLong(value);
				if (parsed < 0) {
					throw new NumberFormatException();
				}
				return parsed;
			}
			if (current instanceof Number) {
				double parsed = Double.parseDouble(value);
				if (!(parsed >= 0) || Double.isInfinite(parsed)) {
					throw new NumberFormatException();
				}
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			throw new InvalidArgumentException(key + " must be " + ((current instanceof Double) ? "a number" : "a whole number")
					+ " of 0 or more, like its current value " + current + " (was '" + value + "')");
		}
		if (current instanceof List<?>) {
			List<String> parsed = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			if (parsed.isEmpty()) {
				throw new InvalidArgumentException(key + " is a list: give its values comma-separated (was '" + value + "')");
			}
			return parsed;
		}
		return value;
	}

	@QueryMapping
	List<TagTaxonomy.Category> tagTaxonomy() {
		return this.reads.rows(TAXONOMY, Map.of()).stream().map(TaxonomyController::category).toList();
	}

	@SuppressWarnings("unchecked")
	private static TagTaxonomy.Category category(Map<String, Object> row) {
		var tags = ((List<Map<String, Object>>) row.get("tags")).stream()
			.map(t -> new TagTaxonomy.Tag((String) t.get("code"), (String) t.get("nameZh"), (String) t.get("nameEn"),
					(String) t.get("description"), (List<String>) t.get("broader"),
					((List<Map<String, Object>>) t.get("parameters")).stream()
						.map(p -> new TagTaxonomy.Parameter((String) p.get("name"), TagParameters.text(p.get("value")), (String) p.get("unit"),
								(String) p.get("description")))
						.toList()))
			.toList();
		return new TagTaxonomy.Category((String) row.get("code"), (String) row.get("nameZh"), (String) row.get("nameEn"), tags);
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<List<CustomerTag>> tags(CustomerProfile customer, DataLoader<PortraitParts.Key, Object> portraitParts) {
		return PortraitParts.of(portraitParts, customer, PortraitParts.Part.TAGS);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	List<TagTaxonomy.TagCount> tagCounts(AnalyticsRun run) {
		return run.tagCounts().entrySet().stream().map(e -> new TagTaxonomy.TagCount(e.getKey(), e.getValue())).toList();
	}

}
