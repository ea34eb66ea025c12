package com.powerkg.segmentation;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KMeansSegmenterTest {

	/** Three tight blobs around (0,0), (10,0) and (0,10), 50 points each. */
	static double[][] blobs(long seed) {
		Random random = new Random(seed);
		double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
		double[][] x = new double[150][];
		for (int i = 0; i < x.length; i++) {
			double[] c = centres[i / 50];
			x[i] = new double[] {c[0] + random.nextGaussian() * 0.5, c[1] + random.nextGaussian() * 0.5};
		}
		return x;
	}

	@Test
	void findsSeparatedBlobsAndTheSameSeedGivesTheSameClusters() {
		double[][] x = blobs(1);
		var a = KMeansSegmenter.fit(x, 3, 42, 3, 100);
		var b = KMeansSegmenter.fit(x, 3, 42, 3, 100);
		assertThat(a.labels()).isEqualTo(b.labels());
		assertThat(a.centroids()).isDeepEqualTo(b.centroids());
		for (int blob = 0; blob < 3; blob++) {
			int first = a.labels()[blob * 50];
			assertThat(Arrays.copyOfRange(a.labels(), blob * 50, blob * 50 + 50)).containsOnly(first);
		}
		assertThat(a.withinClusterSumOfSquares()).as("about 150 points × 2 dims × 0.25").isLessThan(100);
	}

	@Test
	void silhouetteIsHighForSeparatedBlobsAndBestAtTheTrueK() {
		double[][] x = blobs(2);
		double s2 = KMeansSegmenter.silhouette(x, KMeansSegmenter.fit(x, 2, 42, 3, 100).labels(), 2, 1000, 7);
		double s3 = KMeansSegmenter.silhouette(x, KMeansSegmenter.fit(x, 3, 42, 3, 100).labels(), 3, 1000, 7);
		double s5 = KMeansSegmenter.silhouette(x, KMeansSegmenter.fit(x, 5, 42, 3, 100).labels(), 5, 1000, 7);
		assertThat(s3).isGreaterThan(0.8).isGreaterThan(s2).isGreaterThan(s5);
	}

	@Test
	void silhouetteOfAHandComputedCase() {
		// points 0 and 1 on a line, clusters {0, 1} and {4}: s(0) = (4 - 1) / 4, s(1) = (3 - 1) / 3, s(4) = 0 (alone)
		double[][] x = {{0}, {1}, {4}};
		double s = KMeansSegmenter.silhouette(x, new int[] {0, 0, 1}, 2, 10, 1);
		assertThat(s).isCloseTo((0.75 + 2.0 / 3) / 3, within(1e-12));
	}

	@Test
	void sampledSilhouetteIsReproducible() {
		double[][] x = blobs(3);
		int[] labels = KMeansSegmenter.fit(x, 3, 42, 1, 100).labels();
		double[] bySeed = java.util.stream.IntStream.range(0, 5).mapToDouble(seed -> KMeansSegmenter.silhouette(x, labels, 3, 40, seed)).toArray();
		assertThat(java.util.Arrays.stream(bySeed).distinct().count()).as("40 of 150 rows: another seed samples others").isGreaterThan(1);
		assertThat(KMeansSegmenter.silhouette(x, labels, 3, 40, 2)).isEqualTo(bySeed[2]);
		assertThat(KMeansSegmenter.silhouette(x, labels, 3, 150, 2)).as("the whole set: no sampling")
			.isEqualTo(KMeansSegmenter.silhouette(x, labels, 3, 150, 99));
	}

	@Test
	void clustersAreNamedByTheirScoreHighestFirst() {
		double[][] centroids = {{-1, 5}, {2, -5}, {0.5, 0}};
		double[] weights = {1, 0};
		assertThat(KMeansSegmenter.levelsOfClusters(centroids, weights, 3)).containsExactly(2, 0, 1);
		assertThat(KMeansSegmenter.levelsOfClusters(centroids, new double[] {0, 1}, 3)).containsExactly(0, 2, 1);
	}

	@Test
	void anotherKIsSpreadEvenlyOverTheNamedLevels() {
		double[][] five = {{5}, {4}, {3}, {2}, {1}};
		assertThat(KMeansSegmenter.levelsOfClusters(five, new double[] {1}, 3)).containsExactly(0, 1, 1, 2, 2);
		double[][] two = {{1}, {2}};
		assertThat(KMeansSegmenter.levelsOfClusters(two, new double[] {1}, 4)).as("top and bottom level").containsExactly(3, 0);
	}

	@Test
	void fewerDistinctRowsThanKGiveFewerClusters() {
		double[][] x = {{1, 1}, {1, 1}, {3, 3}};
		var clusters = KMeansSegmenter.fit(x, 4, 42, 1, 100);
		assertThat(clusters.k()).isEqualTo(2);
		assertThat(clusters.labels()[0]).isEqualTo(clusters.labels()[1]).isNotEqualTo(clusters.labels()[2]);
		var one = KMeansSegmenter.fit(new double[][] {{1}, {1}}, 3, 42, 1, 100);
		assertThat(one.k()).isEqualTo(1);
		assertThat(one.withinClusterSumOfSquares()).isZero();
		assertThat(KMeansSegmenter.levelsOfClusters(new double[][] {{0}}, new double[] {1}, 3)).as("MEDIUM, not HIGH").containsExactly(1);
		assertThat(KMeansSegmenter.levelsOfClusters(new double[][] {{0}}, new double[] {1}, 4)).containsExactly(1);
	}

}
