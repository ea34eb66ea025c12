package com.powerkg.segmentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The value segmentation stage of an analytics run (SPEC §4): computes the 16 features of every customer, clusters
 * each dimension with K-Means, names the clusters, and writes {@code IN_SEGMENT} memberships, per-level profiles,
 * the k trials and the transitions from the previous run, all under the run's id.
 */
@Service
public class SegmentationStage {

	private static final Logger log = LoggerFactory.getLogger(SegmentationStage.class);

	private static final String WRITE_MEMBERSHIPS = CypherResource.load(SegmentationStage.class, "write-memberships.cypher");

	private static final String WRITE_DIMENSION = CypherResource.load(SegmentationStage.class, "write-dimension.cypher");

	private static final String WRITE_RUN = CypherResource.load(SegmentationStage.class, "write-run.cypher");

	private static final String TRANSITIONS = CypherResource.load(SegmentationStage.class, "transitions.cypher");

	private static final String WRITE_TRANSITIONS = CypherResource.load(SegmentationStage.class, "write-transitions.cypher");

	private final Driver driver;

	private final SegmentationProperties properties;

	public SegmentationStage(Driver driver, SegmentationProperties properties) {
		this.driver = driver;
		this.properties = properties;
	}

	/**
	 * @param k           the k kept; {@code automatic} when chosen from 2..8 by silhouette
	 * @param trials      every k tried with its within-cluster sum of squares and silhouette
	 * @param customersPerLevel in level order, 0 for a level no cluster was named
	 */
	public record DimensionOutcome(Dimension dimension, int k, boolean automatic, List<KMeansSegmenter.Trial> trials,
			Map<String, Long> customersPerLevel) {
	}

	/** Customers of a dimension that were at level {@code from} in the previous run (null: not in it) and are at {@code to} now. */
	public record Transition(Dimension dimension, String from, String to, long customers) {
	}

	public record Result(long customersAnalysed, List<DimensionOutcome> dimensions, Map<Feature, Integer> imputed,
			String comparedWithRun, List<Transition> transitions, Duration featureTime, Duration clusteringTime,
			Duration writeTime) {

		public Duration duration() {
			return this.featureTime.plus(this.clusteringTime).plus(this.writeTime);
		}

	}

	/**
	 * Clusters the customers whose features the run gathered and writes the segments under the run's id.
	 * @param matrix        every analysed customer's raw features ({@link ValueFeatures}), not yet prepared
	 * @param featureTime   what computing them took (part of the run's one pass over the histories)
	 * @param previousRunId the run published when this one started (transitions are counted against it), or null
	 */
	public Result segment(String runId, FeatureMatrix matrix, Duration featureTime, String previousRunId) {
		long featuresDone = System.nanoTime();
		matrix.prepare();
		if (matrix.size() == 0) {
			return new Result(0, List.of(), matrix.imputed(), null, List.of(), featureTime, Duration.ZERO, Duration.ZERO);
		}

		Map<Dimension, int[]> levelOfCustomer = new EnumMap<>(Dimension.class);
		Map<Dimension, double[]> distanceOfCustomer = new EnumMap<>(Dimension.class);
		List<DimensionOutcome> outcomes = new ArrayList<>();
		Map<Dimension, Map<String, Object>> dimensionRows = new EnumMap<>(Dimension.class);
		for (Dimension dimension : Dimension.values()) {
			long t0 = System.nanoTime();
			double[][] x = matrix.dimension(dimension);
			int choice = this.properties.choices().get(dimension);
			List<KMeansSegmenter.Trial> trials = new ArrayList<>();
			KMeansSegmenter.Clusters best = null;
			double bestSilhouette = Double.NEGATIVE_INFINITY;
			int from = (choice == 0) ? SegmentationProperties.MIN_K : choice;
			int to = (choice == 0) ? SegmentationProperties.MAX_K : choice;
			for (int k = from; k <= to; k++) {
				var clusters = KMeansSegmenter.fit(x, k, this.properties.seed(), this.properties.restarts(),
						this.properties.maxIterations());
				if (clusters.k() < k && !trials.isEmpty()) {
					break; // fewer distinct customers than k: larger k cannot differ
				}
				double silhouette = KMeansSegmenter.silhouette(x, clusters.labels(), clusters.k(), this.properties.silhouetteSample(),
						this.properties.seed());
				trials.add(new KMeansSegmenter.Trial(clusters.k(), clusters.withinClusterSumOfSquares(), silhouette));
				if (best == null || silhouette > bestSilhouette) {
					best = clusters;
					bestSilhouette = silhouette;
				}
			}
			double[] weights = dimension.features().stream().mapToDouble(Feature::rankingWeight).toArray();
			int[] levelOfCluster = KMeansSegmenter.levelsOfClusters(best.centroids(), weights, dimension.levels().size());
			int[] levels = new int[x.length];
			double[] distances = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				levels[i] = levelOfCluster[best.labels()[i]];
				distances[i] = Math.sqrt(KMeansSegmenter.squaredDistance(x[i], best.centroids()[best.labels()[i]]));
			}
			levelOfCustomer.put(dimension, levels);
			distanceOfCustomer.put(dimension, distances);
			Map<String, Long> perLevel = new LinkedHashMap<>();
			dimension.levels().forEach(level -> perLevel.put(level, 0L));
			for (int level : levels) {
				perLevel.merge(dimension.levels().get(level), 1L, Long::sum);
			}
			int chosenK = best.k();
			outcomes.add(new DimensionOutcome(dimension, chosenK, choice == 0, trials, perLevel));
			dimensionRows.put(dimension, dimensionRow(dimension, matrix, levels, levelOfCluster, trials, chosenK));
			log.info("segments: {} k={}{} in {} ms, customers per level {}", dimension, chosenK, choice == 0 ? " (auto)" : "",
					(System.nanoTime() - t0) / 1_000_000, perLevel);
		}
		long clustered = System.nanoTime();

		writeMemberships(runId, matrix, levelOfCustomer, distanceOfCustomer);
		dimensionRows.forEach((dimension, row) -> {
			row.put("run", runId);
			this.driver.executableQuery(WRITE_DIMENSION).withParameters(row).execute();
		});
		List<Transition> transitions = (previousRunId == null) ? List.of() : transitions(runId, previousRunId);
		long written = System.nanoTime();
		var result = new Result(matrix.size(), outcomes, matrix.imputed(), previousRunId, transitions,
				featureTime, Duration.ofNanos(clustered - featuresDone), Duration.ofNanos(written - clustered));
		writeRun(runId, result);
		return result;
	}

	private Map<String, Object> dimensionRow(Dimension dimension, FeatureMatrix matrix, int[] levels, int[] levelOfCluster,
			List<KMeansSegmenter.Trial> trials, int chosenK) {
		List<Feature> features = dimension.features();
		int levelCount = dimension.levels().size();
		double[][] sums = new double[levelCount][features.size()];
		long[] counts = new long[levelCount];
		for (int i = 0; i < levels.length; i++) {
			counts[levels[i]]++;
			for (int j = 0; j < features.size(); j++) {
				sums[levels[i]][j] += matrix.raw(i, features.get(j));
			}
		}
		List<Map<String, Object>> profiles = new ArrayList<>();
		for (int level = 0; level < levelCount; level++) {
			if (counts[level] == 0) {
				continue;
			}
			List<Double> centroid = new ArrayList<>();
			for (int j = 0; j < features.size(); j++) {
				centroid.add(sums[level][j] / counts[level]);
			}
			int finalLevel = level;
			long clusters = java.util.Arrays.stream(levelOfCluster).filter(l -> l == finalLevel).count();
			profiles.add(Map.of("level", dimension.levels().get(level), "customers", counts[level], "clusters", clusters,
					"centroid", centroid));
		}
		List<Map<String, Object>> trialRows = trials.stream()
			.map(t -> Map.<String, Object>of("k", t.k(), "wcss", t.withinClusterSumOfSquares(), "silhouette", t.silhouette(),
					"chosen", t.k() == chosenK))
			.toList();
		Map<String, Object> row = new HashMap<>();
		row.put("dimension", dimension.name());
		row.put("features", features.stream().map(Feature::code).toList());
		row.put("profiles", profiles);
		row.put("trials", trialRows);
		return row;
	}

	private void writeMemberships(String runId, FeatureMatrix matrix, Map<Dimension, int[]> levels,
			Map<Dimension, double[]> distances) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < matrix.size(); i++) {
			List<Map<String, Object>> memberships = new ArrayList<>(Dimension.values().length);
			for (Dimension d : Dimension.values()) {
				memberships.add(Map.of("dimension", d.name(), "level", d.levels().get(levels.get(d)[i]), "distance",
						distances.get(d)[i]));
			}
			rows.add(Map.of("customerId", matrix.id(i), "memberships", memberships));
			if (rows.size() == this.properties.batchSize() || i == matrix.size() - 1) {
				this.driver.executableQuery(WRITE_MEMBERSHIPS).withParameters(Map.of("rows", rows, "run", runId)).execute();
				rows = new ArrayList<>();
			}
		}
	}

	private List<Transition> transitions(String runId, String previousRunId) {
		List<Transition> transitions = this.driver.executableQuery(TRANSITIONS)
			.withParameters(Map.of("run", runId, "previous", previousRunId))
			.execute()
			.records()
			.stream()
			.map(r -> new Transition(Dimension.valueOf(r.get("dimension").asString()), r.get("from").asString(null),
					r.get("to").asString(), r.get("customers").asLong()))
			.toList();
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
		params.put("segmentSeed", this.properties.seed());
		params.put("segmentParameters", List.of("seed=" + this.properties.seed(), "restarts=" + this.properties.restarts(),
				"maxIterations=" + this.properties.maxIterations(), "silhouetteSample=" + this.properties.silhouetteSample()));
		params.put("segmentK", result.dimensions().stream()
			.map(d -> d.dimension() + "=" + d.k() + (d.automatic() ? " (auto)" : ""))
			.toList());
		params.put("imputedValues", result.imputed().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
		params.put("featureSeconds", result.featureTime().toMillis() / 1000.0);
		params.put("segmentSeconds", (result.clusteringTime().plus(result.writeTime())).toMillis() / 1000.0);
		this.driver.executableQuery(WRITE_RUN).withParameters(params).execute();
	}

}
