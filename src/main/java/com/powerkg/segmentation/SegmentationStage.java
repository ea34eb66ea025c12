package com.powerkg.segmentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The value segmentation stage of an analytics run (SPEC §4): segments each dimension of the customers whose features
 * the run gathered ({@link DimensionSegmenter}) and writes, all under the run's id, the {@code IN_SEGMENT}
 * memberships (with the distance, the reason a customer was not clustered, and the features it was capped on), per
 * level a profile, per dimension its figures (the k tried, how clusters were named, the features' distributions,
 * warnings and a picture), and the transitions from the previous run.
 */
@Service
public class SegmentationStage {

	private static final Logger log = LoggerFactory.getLogger(SegmentationStage.class);

	private static final String WRITE_MEMBERSHIPS = CypherResource.load(SegmentationStage.class, "write-memberships.cypher");

	private static final String WRITE_DIMENSION = CypherResource.load(SegmentationStage.class, "write-dimension.cypher");

	private static final String WRITE_RUN = CypherResource.load(SegmentationStage.class, "write-run.cypher");

	private static final String PREVIOUS_LEVELS = CypherResource.load(SegmentationStage.class, "previous-levels.cypher");

	private static final String WRITE_TRANSITIONS = CypherResource.load(SegmentationStage.class, "write-transitions.cypher");

	private final Driver driver;

	private final SegmentationProperties properties;

	private final GraphReads reads;

	public SegmentationStage(Driver driver, SegmentationProperties properties) {
		this.driver = driver;
		this.reads = new GraphReads(driver);
		this.properties = properties;
	}

	public SegmentationProperties properties() {
		return this.properties;
	}

	/** Customers of a dimension that were at level {@code from} in the previous run (null: not in it) and are at {@code to} now. */
	public record Transition(Dimension dimension, String from, String to, long customers) {
	}

	/**
	 * @param dimensions per dimension its figures (without the per-customer assignment, which is written)
	 */
	public record Result(long customersAnalysed, List<DimensionSegmenter.Result> dimensions, String comparedWithRun,
			List<Transition> transitions, Duration featureTime, Duration clusteringTime, Duration writeTime) {

		public Duration duration() {
			return this.featureTime.plus(this.clusteringTime).plus(this.writeTime);
		}

		/** Missing values imputed per feature, over the customers each dimension clustered. */
		public Map<Feature, Integer> imputed() {
			Map<Feature, Integer> imputed = new EnumMap<>(Feature.class);
			this.dimensions.forEach(d -> d.distributions().forEach(f -> imputed.put(f.feature(), f.imputed())));
			return imputed;
		}

	}

	/**
	 * Segments the customers whose features the run gathered and writes the segments under the run's id.
	 * @param matrix        every analysed customer's raw features ({@link ValueFeatures}), not yet prepared
	 * @param featureTime   what computing them took (part of the run's one pass over the histories)
	 * @param previousRunId the run published when this one started (transitions are counted against it), or null
	 */
	public Result segment(String runId, FeatureMatrix matrix, Duration featureTime, String previousRunId) {
		long featuresDone = System.nanoTime();
		matrix.prepare();
		if (matrix.size() == 0) {
			return new Result(0, List.of(), null, List.of(), featureTime, Duration.ZERO, Duration.ZERO);
		}
		List<DimensionSegmenter.Result> results = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			long t0 = System.nanoTime();
			var result = DimensionSegmenter.segment(matrix, dimension, this.properties.choices().get(dimension), this.properties);
			results.add(result);
			log.info("segments: {} k={}{} on {} in {} ms, customers per level {}{}", dimension, result.k(), result.automatic() ? " (auto)" : "",
					result.definingFeature(), (System.nanoTime() - t0) / 1_000_000, result.customersPerLevel(),
					result.warnings().isEmpty() ? "" : ", warnings: " + result.warnings().stream().map(DimensionSegmenter.Warning::message).toList());
		}
		long clustered = System.nanoTime();

		writeMemberships(runId, matrix, results);
		for (var result : results) {
			this.driver.executableQuery(WRITE_DIMENSION).withParameters(dimensionRow(runId, result)).execute();
		}
		List<Transition> transitions = (previousRunId == null) ? List.of() : transitions(runId, previousRunId, matrix, results);
		long written = System.nanoTime();
		var result = new Result(matrix.size(), results.stream().map(DimensionSegmenter.Result::withoutAssignment).toList(),
				previousRunId, transitions, featureTime, Duration.ofNanos(clustered - featuresDone), Duration.ofNanos(written - clustered));
		writeRun(runId, result);
		return result;
	}

	static Map<String, Object> dimensionRow(String runId, DimensionSegmenter.Result result) {
		Dimension dimension = result.dimension();
		List<Feature> features = dimension.features();
		List<Map<String, Object>> profiles = new ArrayList<>();
		for (var level : result.levels()) {
			if (level.customers() == 0) {
				continue;
			}
			// a feature no member has a value of (the growth of customers without history) is left out, not stored as NaN
			List<String> known = new ArrayList<>();
			List<Double> centroid = new ArrayList<>();
			for (int j = 0; j < features.size(); j++) {
				if (!Double.isNaN(level.centroid()[j])) {
					known.add(features.get(j).code());
					centroid.add(level.centroid()[j]);
				}
			}
			Map<String, Object> p = new HashMap<>();
			p.put("level", level.level());
			p.put("customers", level.customers());
			p.put("share", level.share());
			p.put("clustered", level.clustered());
			p.put("clusters", level.clusters());
			p.put("features", known);
			p.put("centroid", centroid);
			p.put("definingFrom", nullIfNaN(level.definingFrom()));
			p.put("definingTo", nullIfNaN(level.definingTo()));
			List<Map.Entry<Exclusion.Reason, Long>> reasons = level.reasons().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
			p.put("reasons", reasons.stream().map(e -> e.getKey().name()).toList());
			p.put("reasonCustomers", reasons.stream().map(Map.Entry::getValue).toList());
			p.put("histogram", Arrays.stream(level.histogram()).boxed().toList());
			profiles.add(p);
		}
		List<Map<String, Object>> trials = result.trials().stream().map(t -> {
			Map<String, Object> row = new HashMap<>();
			row.put("k", t.k());
			row.put("wcss", t.withinClusterSumOfSquares());
			row.put("silhouette", t.silhouette());
			row.put("largestLevelShare", t.largestLevelShare());
			row.put("smallestClusterShare", t.smallestClusterShare());
			row.put("withinSizeLimits", t.withinSizeLimits());
			row.put("chosen", t.k() == result.k());
			return row;
		}).toList();
		List<Map<String, Object>> distributions = result.distributions().stream().map(d -> {
			Map<String, Object> row = new HashMap<>();
			row.put("feature", d.feature().code());
			row.put("unit", d.feature().unit());
			row.put("transform", d.feature().transform().name());
			row.put("lowerPercentile", d.feature().lowerPercentile());
			row.put("upperPercentile", d.feature().upperPercentile());
			row.put("clusterWeight", d.clusterWeight());
			row.put("rankingWeight", d.rankingWeight());
			row.put("customers", d.customers());
			row.put("imputed", d.imputed());
			row.put("percentiles", Arrays.stream(FeaturePreparation.PERCENTILES).boxed().toList());
			row.put("raw", Arrays.stream(d.raw()).boxed().toList());
			row.put("transformed", Arrays.stream(d.transformed()).boxed().toList());
			row.put("lowerCap", nullIfNaN(d.lowerCap()));
			row.put("upperCap", nullIfNaN(d.upperCap()));
			row.put("cappedBelow", d.cappedBelow());
			row.put("cappedAbove", d.cappedAbove());
			return row;
		}).toList();
		List<Map<String, Object>> naming = result.naming().stream().map(n -> {
			Map<String, Object> row = new HashMap<>();
			row.put("rank", n.rank() + 1);
			row.put("positional", n.positional());
			row.put("level", n.level());
			row.put("holds", n.holds());
			row.put("anchor", n.anchor());
			row.put("value", n.value());
			return row;
		}).toList();
		List<Map<String, Object>> warnings = result.warnings().stream().map(w -> {
			Map<String, Object> row = new HashMap<>();
			row.put("kind", w.kind().name());
			row.put("level", w.level());
			row.put("value", nullIfNaN(w.value()));
			row.put("limit", nullIfNaN(w.limit()));
			row.put("message", w.message());
			return row;
		}).toList();
		Map<String, Object> row = new HashMap<>();
		row.put("run", runId);
		row.put("dimension", dimension.name());
		row.put("definingFeature", result.definingFeature().code());
		row.put("k", result.k());
		row.put("automatic", result.automatic());
		row.put("customers", result.customers());
		row.put("clustered", result.clustered());
		row.put("namesHold", result.namesHold());
		row.put("histogramFrom", result.histogram().from());
		row.put("histogramTo", result.histogram().to());
		row.put("picture", SegmentPicture.svg(result));
		row.put("profiles", profiles);
		row.put("trials", trials);
		row.put("distributions", distributions);
		row.put("naming", naming);
		row.put("warnings", warnings);
		return row;
	}

	private static Double nullIfNaN(double value) {
		return Double.isNaN(value) ? null : value;
	}

	private void writeMemberships(String runId, FeatureMatrix matrix, List<DimensionSegmenter.Result> results) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < matrix.size(); i++) {
			List<Map<String, Object>> memberships = new ArrayList<>(results.size());
			for (var result : results) {
				var assignment = result.assignment();
				Map<String, Object> m = new HashMap<>();
				m.put("dimension", result.dimension().name());
				m.put("level", result.level(i));
				m.put("distance", nullIfNaN(assignment.distance()[i]));
				m.put("reason", assignment.reasons()[i] == null ? null : assignment.reasons()[i].name());
				List<String> capped = result.cappedFeatures(i);
				m.put("capped", capped.isEmpty() ? null : capped);
				memberships.add(m);
			}
			rows.add(Map.of("customerId", matrix.id(i), "memberships", memberships));
			if (rows.size() == this.properties.batchSize() || i == matrix.size() - 1) {
				this.driver.executableQuery(WRITE_MEMBERSHIPS).withParameters(Map.of("rows", rows, "run", runId)).execute();
				rows = new ArrayList<>();
			}
		}
	}

	/**
	 * How the customers moved between the levels of each dimension since the previous run: its levels read per dimension,
	 * this run's from the assignment in hand. A customer the previous run did not segment comes from level null.
	 * Ordered by dimension, then from (null last), then to.
	 */
	private List<Transition> transitions(String runId, String previousRunId, FeatureMatrix matrix,
			List<DimensionSegmenter.Result> results) {
		List<Transition> transitions = new ArrayList<>();
		for (var result : results) {
			Map<String, String> before = this.reads.collect(PREVIOUS_LEVELS,
					Map.of("previous", previousRunId, "dimension", result.dimension().name()),
					Collectors.toMap(r -> r.get("id").asString(), r -> r.get("level").asString().intern(), (a, b) -> a));
			Map<List<String>, Long> counts = new HashMap<>();
			for (int i = 0; i < matrix.size(); i++) {
				counts.merge(Arrays.asList(before.get(matrix.id(i)), result.level(i)), 1L, Long::sum);
			}
			counts.forEach((fromTo, customers) -> transitions.add(new Transition(result.dimension(), fromTo.get(0), fromTo.get(1), customers)));
		}
		transitions.sort(Comparator.comparing((Transition t) -> t.dimension().name())
			.thenComparing(Transition::from, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Transition::to));
		List<Map<String, Object>> rows = transitions.stream().map(t -> {
			Map<String, Object> row = new HashMap<>();
			row.put("dimension", t.dimension().name());
			row.put("from", t.from());
			row.put("to", t.to());
			row.put("customers", t.customers());
			return row;
		}).toList();
		this.driver.executableQuery(WRITE_TRANSITIONS)
			.withParameters(Map.of("run", runId, "previous", previousRunId, "transitions", rows))
			.execute();
		return transitions;
	}

	private void writeRun(String runId, Result result) {
		Map<String, Object> params = new HashMap<>();
		params.put("run", runId);
		params.put("seed", this.properties.seed());
		params.put("restarts", this.properties.restarts());
		params.put("maxIterations", this.properties.maxIterations());
		params.put("silhouetteSample", this.properties.silhouetteSample());
		params.put("maxLevelShare", this.properties.maxLevelShare());
		params.put("minLevelShare", this.properties.minLevelShare());
		params.put("stableGrowthBand", this.properties.stableGrowthBand());
		params.put("stoppedMonths", this.properties.stoppedMonths());
		params.put("featureSeconds", result.featureTime().toMillis() / 1000.0);
		params.put("segmentSeconds", (result.clusteringTime().plus(result.writeTime())).toMillis() / 1000.0);
		this.driver.executableQuery(WRITE_RUN).withParameters(params).execute();
	}

}
