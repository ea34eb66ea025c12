package com.powerkg.segmentation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the value segmentation clusters.
 *
 * @param k                 per dimension ({@code revenue-contribution}, ...): a number 2..8, or {@code auto} to
 *                          try 2..8 and keep the k with the best silhouette; unset = the paper's 3/3/4/3
 * @param seed              random seed of the k-means++ seeding (same data + same seed = same segments)
 * @param restarts          K-Means fits per k; the one with the smallest within-cluster sum of squares is kept
 * @param maxIterations     per fit
 * @param silhouetteSample  customers sampled to compute the silhouette of each k tried
 * @param batchSize         customers read and written per transaction
 */
@ConfigurationProperties("powerkg.segmentation")
public record SegmentationProperties(Map<String, String> k, @DefaultValue("42") long seed, @DefaultValue("3") int restarts,
		@DefaultValue("100") int maxIterations, @DefaultValue("2000") int silhouetteSample,
		@DefaultValue("5000") int batchSize) {

	public static final int MIN_K = 2;

	public static final int MAX_K = 8;

	public static final SegmentationProperties DEFAULTS = new SegmentationProperties(Map.of(), 42, 3, 100, 2000, 5000);

	public SegmentationProperties {
		k = (k == null) ? Map.of() : Map.copyOf(k);
		choices(k);
		if (seed < 0 || seed > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("powerkg.segmentation.seed must be between 0 and " + Integer.MAX_VALUE + ", was " + seed);
		}
		if (restarts < 1 || maxIterations < 1 || silhouetteSample < 2 || batchSize < 1) {
			throw new IllegalArgumentException("powerkg.segmentation: restarts, max-iterations and batch-size must be at least 1 "
					+ "and silhouette-sample at least 2");
		}
	}

	/** The k of each dimension: a number, or 0 for automatic choice. */
	public Map<Dimension, Integer> choices() {
		return choices(this.k);
	}

	private static Map<Dimension, Integer> choices(Map<String, String> k) {
		Map<Dimension, Integer> choices = new EnumMap<>(Dimension.class);
		for (Dimension d : Dimension.values()) {
			choices.put(d, d.defaultK());
		}
		k.forEach((key, value) -> {
			Dimension dimension;
			try {
				dimension = Dimension.valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("powerkg.segmentation.k." + key + ": unknown dimension; use one of "
						+ "revenue-contribution, social-influence, growth-potential, arrears-risk");
			}
			String v = value.trim().toLowerCase(Locale.ROOT);
			if (v.equals("auto")) {
				choices.put(dimension, 0);
				return;
			}
			try {
				int n = Integer.parseInt(v);
				if (n < MIN_K || n > MAX_K) {
					throw new NumberFormatException();
				}
				choices.put(dimension, n);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("powerkg.segmentation.k." + key + "=" + value + ": use a number from " + MIN_K
						+ " to " + MAX_K + " or 'auto'");
			}
		});
		return choices;
	}

}
