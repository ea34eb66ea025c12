package com.powerkg.segmentation;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the value segmentation clusters, and when its result is questioned (defaults in {@code application.yaml},
 * meaning in {@code docs/value-segmentation.md}).
 *
 * @param k                 per dimension ({@code revenue-contribution}, ...): a number 2..8, or {@code auto} to
 *                          try 2..8 and keep the k with the best silhouette among those within the size limits;
 *                          unset = the paper's 3/3/4/3
 * @param seed              random seed of the k-means++ seeding (same data + same seed = same segments)
 * @param restarts          K-Means fits per k; the one with the smallest within-cluster sum of squares is kept
 * @param maxIterations     per fit
 * @param silhouetteSample  customers sampled to compute the silhouette of each k tried
 * @param batchSize         customers written per transaction
 * @param maxLevelShare     a level holding more than this share of a dimension's customers is a warning of the run
 * @param minLevelShare     a named level holding some customers but fewer than this share is a warning of the run
 * @param stableGrowthBand  yearly growth within ±this is stable; a FAST_GROWTH centroid must lie above it
 * @param stoppedMonths     this many months without consumption up to the last complete month make a customer STOPPED
 * @param reportsDirectory  where {@code analyze} writes each run's pictures ({@code segments-<run>/<dimension>.svg})
 */
@ConfigurationProperties("powerkg.segmentation")
public record SegmentationProperties(Map<String, String> k, @DefaultValue("42") long seed, @DefaultValue("3") int restarts,
		@DefaultValue("100") int maxIterations, @DefaultValue("2000") int silhouetteSample,
		@DefaultValue("5000") int batchSize, @DefaultValue("0.70") double maxLevelShare, @DefaultValue("0.01") double minLevelShare,
		@DefaultValue("0.10") double stableGrowthBand, @DefaultValue("3") int stoppedMonths,
		@DefaultValue("reports") Path reportsDirectory) {

	public static final int MIN_K = 2;

	public static final int MAX_K = 8;

	public static final SegmentationProperties DEFAULTS = new SegmentationProperties(Map.of(), 42, 3, 100, 2000, 5000);

	@ConstructorBinding
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
		if (!(maxLevelShare > 0 && maxLevelShare <= 1) || !(minLevelShare >= 0 && minLevelShare < maxLevelShare)) {
			throw new IllegalArgumentException("powerkg.segmentation: max-level-share must be in (0, 1] and min-level-share in "
					+ "[0, max-level-share), were " + maxLevelShare + " and " + minLevelShare);
		}
		if (!(stableGrowthBand > 0 && stableGrowthBand < 1)) {
			throw new IllegalArgumentException("powerkg.segmentation.stable-growth-band must be between 0 and 1 (0.10 = ±10 % a year), was "
					+ stableGrowthBand);
		}
		if (stoppedMonths < 1 || stoppedMonths > ValueFeatures.LOOK_BACK_MONTHS) {
			throw new IllegalArgumentException("powerkg.segmentation.stopped-months must be between 1 and "
					+ ValueFeatures.LOOK_BACK_MONTHS + ", was " + stoppedMonths);
		}
		reportsDirectory = (reportsDirectory == null) ? Path.of("reports") : reportsDirectory;
	}

	/** The clustering settings with the documented defaults for everything else. */
	public SegmentationProperties(Map<String, String> k, long seed, int restarts, int maxIterations, int silhouetteSample, int batchSize) {
		this(k, seed, restarts, maxIterations, silhouetteSample, batchSize, 0.70, 0.01, 0.10, 3, Path.of("reports"));
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
