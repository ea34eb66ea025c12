package com.powerkg.segmentation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.portrait.CustomerProfile;
import com.powerkg.portrait.CustomerQueries;
import com.powerkg.portrait.PortraitParts;
import com.powerkg.portrait.PublishedRun;
import com.powerkg.portrait.SegmentMembership;
import com.powerkg.run.AnalyticsRun;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Value segments: summaries per level, a customer's memberships, and what each run recorded about its segmentation
 * (read from the run's typed figures, {@link RunFigureRows}).
 */
@Controller
class SegmentController {

	private static final String SUMMARIES = CypherResource.load(SegmentController.class, "segment-summaries.cypher");

	private static final String RUN_FIGURES = CypherResource.load(SegmentController.class, "run-segmentation.cypher");

	private final GraphReads reads;

	private final CustomerQueries customers;

	SegmentController(GraphReads reads, CustomerQueries customers, BatchLoaderRegistry loaders) {
		this.reads = reads;
		this.customers = customers;
		// trials and transitions of all runs listed in one response come from one query
		loaders.forTypePair(String.class, Segments.RunFigures.class)
			.registerMappedBatchLoader((runIds, environment) -> Mono.fromCallable(() -> runFigures(runIds)));
	}

	@QueryMapping
	List<Segments.Summary> segments(@Argument Dimension dimension, GraphQLContext context) {
		String runId = PublishedRun.idFor(context, this.customers::publication);
		var rows = this.reads.rows(SUMMARIES, GraphReads.parameters("dimension", dimension == null ? null : dimension.name(), "runId", runId));
		Map<String, Long> totals = new HashMap<>();
		rows.forEach(r -> totals.merge((String) r.get("dimension"), (Long) r.get("customers"), Long::sum));
		return rows.stream()
			.sorted(Comparator.comparing((Map<String, Object> r) -> Dimension.valueOf((String) r.get("dimension")))
				.thenComparing(r -> (Long) r.get("ordinal")))
			.map(r -> {
				long count = (Long) r.get("customers");
				long total = totals.get((String) r.get("dimension"));
				Dimension d = Dimension.valueOf((String) r.get("dimension"));
				String level = (String) r.get("level");
				return new Segments.Summary(d.name(), level, (String) r.get("nameZh"), (String) r.get("nameEn"), d.levels().contains(level),
						count, total > 0 ? (double) count / total : 0, centroid(r.get("features"), r.get("centroid")), runId);
			})
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Segments.FeatureValue> centroid(Object featureList, Object valueList) {
		List<String> features = (featureList == null) ? List.of() : (List<String>) featureList;
		List<Number> values = (valueList == null) ? List.of() : (List<Number>) valueList;
		return IntStream.range(0, Math.min(features.size(), values.size()))
			.mapToObj(i -> new Segments.FeatureValue(features.get(i), unit(features.get(i)), values.get(i).doubleValue()))
			.toList();
	}

	private static String unit(String feature) {
		return Arrays.stream(Feature.values()).filter(f -> f.code().equals(feature)).map(Feature::unit).findFirst().orElse("");
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<List<SegmentMembership>> segments(CustomerProfile customer,
			DataLoader<PortraitParts.Key, Object> portraitParts) {
		return PortraitParts.of(portraitParts, customer, PortraitParts.Part.SEGMENTS);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<List<Segments.DimensionMetrics>> segmentation(AnalyticsRun run,
			DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(Segments.RunFigures::dimensions);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<Segments.Parameters> segmentParameters(AnalyticsRun run, DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(Segments.RunFigures::parameters);
	}

	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<List<Segments.Transition>> transitions(AnalyticsRun run, @Argument Dimension dimension,
			DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(f -> f.transitions().stream()
			.filter(t -> dimension == null || t.dimension().equals(dimension.name()))
			.toList());
	}

	/** Per feature the values imputed in the dimension that clustered on it, from the run's feature distributions. */
	@SchemaMapping(typeName = "AnalyticsRun")
	CompletableFuture<List<Segments.FeatureCount>> imputedValues(AnalyticsRun run, DataLoader<String, Segments.RunFigures> figures) {
		return figures.load(run.id()).thenApply(f -> f.dimensions().stream()
			.flatMap(d -> d.features().stream())
			.filter(d -> d.imputed() > 0)
			.map(d -> new Segments.FeatureCount(d.feature(), d.imputed()))
			.toList());
	}

	private Map<String, Segments.RunFigures> runFigures(Set<String> runIds) {
		Map<String, Segments.RunFigures> result = new HashMap<>();
		runIds.forEach(id -> result.put(id, Segments.RunFigures.NONE));
		this.reads.rows(RUN_FIGURES, Map.of("runs", List.copyOf(runIds)))
			.forEach(row -> result.put((String) row.get("runId"), RunFigureRows.figures(row)));
		return result;
	}

}
