import java.util.Random;

import com.powerkg.segmentation.Dimension;
import com.powerkg.segmentation.DimensionSegmenter;
import com.powerkg.segmentation.Feature;
import com.powerkg.segmentation.FeatureMatrix;
import com.powerkg.segmentation.KMeansSegmenter;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.ValueFeatures;

/**
 * Times the clustering half of the segment stage at utility scale without a graph: K-Means (k = 3 and 4, 3
 * restarts, as configured by default) and the sampled silhouette on N rows of 4 standardised features, plus the
 * automatic choice of k (2..8). The rows come from a mixture of four skewed Gaussian groups, which is roughly what
 * the standardised features of the generated data look like; the feature half is measured on the real graph by
 * `analyze` (see docs/value-segmentation.md). Then the whole segmentation of N customers without the graph, as the
 * stage runs it (issue O): per dimension the exclusions, imputation, percentiles and caps (a sort per feature),
 * transforms, standardising, K-Means with the default k, naming against the anchors and the figures, on raw features
 * shaped like real data (heavy-tailed revenue, mostly flat growth with outliers and stoppers, arrears mostly 0).
 *
 * Run: bench/clustering.sh [N]
 */
public class ClusteringAtScale {

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Random random = new Random(7);
		double[][] centres = {{-0.6, -0.4, 0.1, -0.5}, {0.4, 0.3, -0.2, 0.2}, {1.8, 1.5, 0.5, 1.1}, {-0.2, 2.5, -1.0, 3.0}};
		double[] weights = {0.45, 0.35, 0.15, 0.05};
		double[][] x = new double[n][4];
		for (int i = 0; i < n; i++) {
			double u = random.nextDouble();
			int g = u < weights[0] ? 0 : u < weights[0] + weights[1] ? 1 : u < 1 - weights[3] ? 2 : 3;
			for (int j = 0; j < 4; j++) {
				x[i][j] = centres[g][j] + random.nextGaussian() * (0.4 + 0.1 * j) + (j == 0 ? Math.abs(random.nextGaussian()) * 0.3 : 0);
			}
		}
		System.out.printf("rows: %,d × 4 features%n", n);
		for (int k : new int[] {3, 4}) {
			long t0 = System.nanoTime();
			var clusters = KMeansSegmenter.fit(x, k, 42, 3, 100);
			long t1 = System.nanoTime();
			double s = KMeansSegmenter.silhouette(x, clusters.labels(), clusters.k(), 2000, 42);
			long t2 = System.nanoTime();
			System.out.printf("k=%d: K-Means (3 restarts) %.2f s, silhouette (2,000 sampled) %.2f s, WCSS %.0f, silhouette %.3f%n", k,
					(t1 - t0) / 1e9, (t2 - t1) / 1e9, clusters.withinClusterSumOfSquares(), s);
		}
		long t0 = System.nanoTime();
		for (int k = 2; k <= 8; k++) {
			var clusters = KMeansSegmenter.fit(x, k, 42, 3, 100);
			KMeansSegmenter.silhouette(x, clusters.labels(), clusters.k(), 2000, 42);
		}
		System.out.printf("auto k (2..8, one dimension): %.2f s%n", (System.nanoTime() - t0) / 1e9);
		FeatureMatrix matrix = rawFeatures(n, random);
		long total = System.nanoTime();
		for (Dimension dimension : Dimension.values()) {
			long d0 = System.nanoTime();
			var result = DimensionSegmenter.segment(matrix, dimension, dimension.defaultK(), SegmentationProperties.DEFAULTS);
			System.out.printf("segmentation of %s (k=%d, %,d clustered): %.2f s, levels %s%n", dimension, result.k(), result.clustered(),
					(System.nanoTime() - d0) / 1e9, result.customersPerLevel());
		}
		System.out.printf("segmentation, 4 dimensions: %.2f s%n", (System.nanoTime() - total) / 1e9);
		Runtime rt = Runtime.getRuntime();
		System.out.printf("heap used: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
	}

	/** N customers' 16 raw features and usage facts, shaped like real data. */
	static FeatureMatrix rawFeatures(int n, Random random) {
		FeatureMatrix matrix = new FeatureMatrix();
		for (int i = 0; i < n; i++) {
			double[] row = new double[ValueFeatures.WIDTH];
			double size = Math.exp(6 + 1.8 * random.nextGaussian());
			boolean stopped = random.nextDouble() < 0.01;
			double u = random.nextDouble();
			double growth = u < 0.06 ? 0.2 + random.nextDouble() : u < 0.12 ? -0.2 - 0.5 * random.nextDouble() : 0.04 * random.nextGaussian();
			row[Feature.ANNUAL_REVENUE.ordinal()] = size * 0.7;
			row[Feature.PEAK_SHARE.ordinal()] = 0.2 + 0.2 * random.nextDouble();
			row[Feature.SERVICE_CONTACTS.ordinal()] = random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(5);
			row[Feature.IMPORTANCE_GRADE.ordinal()] = random.nextDouble() < 0.97 ? 0 : 1 + random.nextInt(4);
			row[Feature.VOLTAGE_LEVEL.ordinal()] = random.nextDouble() < 0.9 ? 0.22 : 10;
			row[Feature.CONTRACT_CAPACITY.ordinal()] = size / 100;
			row[Feature.CRITICAL_INDUSTRY.ordinal()] = random.nextDouble() < 0.03 ? 1 : 0;
			row[Feature.GROWTH_3M.ordinal()] = Math.log1p(growth) + 0.05 * random.nextGaussian();
			row[Feature.GROWTH_12M.ordinal()] = Math.log1p(growth);
			row[Feature.TREND_36M.ordinal()] = Math.log1p(growth) + 0.02 * random.nextGaussian();
			row[Feature.VOLATILITY.ordinal()] = Math.abs(0.1 + 0.1 * random.nextGaussian());
			boolean late = random.nextDouble() < 0.8 ? false : random.nextDouble() < 0.3;
			row[Feature.OVERDUE_BILLS.ordinal()] = late ? 1 + random.nextInt(6) : 0;
			row[Feature.OVERDUE_AMOUNT_RATIO.ordinal()] = late ? random.nextDouble() : 0;
			row[Feature.MEAN_DAYS_LATE.ordinal()] = late ? 30 * random.nextDouble() : 0;
			row[Feature.UNANSWERED_DUNNING.ordinal()] = late ? random.nextInt(3) : 0;
			row[ValueFeatures.column(ValueFeatures.UsageFact.RECORDED_MONTHS)] = 36;
			row[ValueFeatures.column(ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO)] = 36;
			row[ValueFeatures.column(ValueFeatures.UsageFact.IDLE_MONTHS)] = stopped ? 4 : 0;
			matrix.add(Integer.toString(i), "RESIDENTIAL", "R" + (i % 12), row);
		}
		return matrix;
	}

}
