import java.util.Random;

import com.powerkg.segmentation.KMeansSegmenter;

/**
 * Times the clustering half of the segment stage at utility scale without a graph: K-Means (k = 3 and 4, 3
 * restarts, as configured by default) and the sampled silhouette on N rows of 4 standardised features, plus the
 * automatic choice of k (2..8). The rows come from a mixture of four skewed Gaussian groups, which is roughly what
 * the standardised features of the generated data look like; the feature half is measured on the real graph by
 * `analyze` (see docs/value-segmentation.md).
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
		Runtime rt = Runtime.getRuntime();
		System.out.printf("heap used: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
	}

}
