package com.powerkg.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import com.powerkg.analytics.AnalyticsRun;
import com.powerkg.graph.CypherResource;
import com.powerkg.segmentation.Dimension;
import com.powerkg.segmentation.Feature;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Value segments: summaries per level, a customer's memberships, and what each run recorded about clustering. */
@Controller
class SegmentController {

	private static final String SUMMARIES = CypherResource.load(SegmentController.class, "segment-summaries.cypher");

	private static final String RUN_FIGURES = CypherResource.load(SegmentController.class, "run-segmentation.cypher");

	private final Neo4jClient neo4j;

	private final CustomerQueries customers;

	SegmentController(Neo4jClient neo4j, CustomerQueries customers, BatchLoaderRegistry loaders) {
		this.neo4j = neo4j;
		this.customers = customers;
		// trials and transitions of all runs listed in one response come from one query
		loaders.forTypePair(String.class, Segments.RunFigures.class)
			.registerMappedBatchLoader((runIds, environment) -> Mono.fromCallable(() -> runFigures(runIds)));
	}

	@QueryMapping
	List<Segments.Summary> segments(@Argument Dimension dimension, GraphQLContext context) {
		String runId = PublishedRun.idFor(context, this.customers::publication);
		var rows = this.neo4j.query(SUMMARIES)
			.bind(dimension == null ? null : dimension.name()).to("dimension")
			.bind(runId).to("runId")
			.fetch().all();
		Map<String, Long> totals = new HashMap<>();
		rows.forEach(r -> totals.merge((String) r.get("dimension"), (Long) r.get("customers"), Long::sum));
		return rows.stream()
			.sorted(Comparator.comparing((Map<String, Object> r) -> Dimension.valueOf((String) r.get("dimension")))
				.thenComparing(r -> (Long) r.get("ordinal")))
			.map(r -> {
				long count = (Long) r.get("customers");
				long total = totals.get((String) r.get("dimension"));
				return new Segments.Summary((String) r.get("dimension"), (String) r.get("level"), (String) r.get("nameZh"),
						(String) r.get("nameEn"), count, total > 0 ? (double) count / total : 0, centroid(r), runId);
			})
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Segments.FeatureValue> centroid(Map<String, Object> row) {
		List<String> features = (List<String>) row.get("features");
		List<Double> values = (List<Double>) row.get("centroid");
		return java.util.stream.IntStream.range(0, Math.min(features.size(), values.size()))
			.mapToObj(i -> new Segments.FeatureValue(features.get(i), unit(features.get(i)), values.get(i)))
			.toList();
	}

	private static String unit(String feature) {
		return Arrays.stream(Feature.values()).filter(f -> f.code().equals(feature)).map(Feature::unit).findFirst().orElse("");
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<List<Segments.Membership>> segments(CustomerProfile customer,
			DataLoader<PortraitParts.Key, Object> portraitParts) {
		return PortraitParts.of(portraitParts, customer, PortraitParts.Part.SEGMENTS);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<List<Segments.DimensionMetrics>> segmentation(AnalyticsRun run,
			DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(f -> run.segmentK().stream().map(entry -> {
			int eq = entry.indexOf('=');
			String dimension = entry.substring(0, eq);
			String k = entry.substring(eq + 1);
			boolean automatic = k.endsWith("(auto)");
			List<Segments.Trial> trials = f.trials().stream().filter(t -> t.dimension().equals(dimension)).toList();
			return new Segments.DimensionMetrics(dimension, Integer.parseInt(k.replace("(auto)", "").trim()), automatic, trials);
		}).toList());
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<List<Segments.Transition>> transitions(AnalyticsRun run, @Argument Dimension dimension,
			DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(f -> f.transitions().stream()
			.filter(t -> dimension == null || t.dimension().equals(dimension.name()))
			.toList());
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	List<Segments.FeatureCount> imputedValues(AnalyticsRun run) {
		return run.imputedValues().stream().map(entry -> {
			int eq = entry.indexOf('=');
			return new Segments.FeatureCount(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
		}).filter(c -> c.customers() > 0).toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Segments.RunFigures> runFigures(java.util.Set<String> runIds) {
		Map<String, Segments.RunFigures> result = new HashMap<>();
		runIds.forEach(id -> result.put(id, Segments.RunFigures.NONE));
		this.neo4j.query(RUN_FIGURES).bind(List.copyOf(runIds)).to("runs").fetch().all().forEach(row -> {
			var trials = ((List<Map<String, Object>>) row.get("trials")).stream()
				.map(t -> new Segments.Trial((String) t.get("dimension"), ((Number) t.get("k")).intValue(),
						((Number) t.get("withinClusterSumOfSquares")).doubleValue(), ((Number) t.get("silhouette")).doubleValue(),
						(Boolean) t.get("chosen")))
				.toList();
			var transitions = ((List<Map<String, Object>>) row.get("transitions")).stream()
				.map(t -> new Segments.Transition((String) t.get("dimension"), (String) t.get("from"), (String) t.get("to"),
						((Number) t.get("customers")).longValue()))
				.toList();
			result.put((String) row.get("runId"), new Segments.RunFigures(trials, transitions));
		});
		return result;
	}

}
