package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names by rank, checked against absolute anchors, on hand-made cluster centroids at and around the boundaries. */
class LevelNamingTest {

	static final double BAND = 0.10;

	/** A growth cluster whose centroid 12-month growth is {@code change} (0.05 = +5 %), ranked by it. */
	static LevelNaming.Cluster growth(double change) {
		double logRatio = Math.log1p(change);
		return new LevelNaming.Cluster(10, logRatio, new double[] {0, logRatio, 0, 0.1});
	}

	static List<String> growthNames(double... changes) {
		List<LevelNaming.Cluster> clusters = new ArrayList<>();
		for (double change : changes) {
			clusters.add(growth(change));
		}
		var naming = LevelNaming.name(Dimension.GROWTH_POTENTIAL, Feature.GROWTH_12M, clusters, BAND);
		return java.util.Arrays.stream(naming.levelOfCluster()).mapToObj(l -> Dimension.GROWTH_POTENTIAL.levels().get(l)).toList();
	}

	@Test
	void clustersThatCarryThePapersNamesKeepTheirRankNames() {
		assertThat(growthNames(-0.30, 0.40, -0.03, 0.04)).containsExactly("DECLINING", "FAST_GROWTH", "STABLE", "STEADY_GROWTH");
		var naming = LevelNaming.name(Dimension.GROWTH_POTENTIAL, Feature.GROWTH_12M,
				List.of(growth(0.40), growth(0.04), growth(-0.03), growth(-0.30)), BAND);
		assertThat(naming.namesHold()).isTrue();
		assertThat(naming.decisions()).extracting(LevelNaming.Decision::anchor).containsExactly("centroid growth above +10 %",
				"centroid growth above 0 %", "centroid growth within ±10 %", "centroid growth below 0 %");
	}

	@Test
	void aDecliningLevelMustFallAndAFlatBottomClusterIsStableInstead() {
		// the lowest cluster grows 0 %: not negative, so not DECLINING
		assertThat(growthNames(0.40, 0.06, 0.02, 0.0)).containsExactly("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "STABLE");
		assertThat(growthNames(0.40, 0.06, 0.02, -0.001)).as("just below 0").containsExactly("FAST_GROWTH", "STEADY_GROWTH",
				"STABLE", "DECLINING");
	}

	@Test
	void fastGrowthMustLieAboveTheStableBand() {
		assertThat(growthNames(0.0999, 0.05, -0.02, -0.30)).as("within the band")
			.containsExactly("STEADY_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING");
		assertThat(growthNames(0.1001, 0.05, -0.02, -0.30)).containsExactly("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING");
	}

	@Test
	void aSteadyGrowthLevelThatFellIsNotNamedSoAndTheRunSaysSo() {
		// the case: the second cluster's customers fell 2 %
		var naming = LevelNaming.name(Dimension.GROWTH_POTENTIAL, Feature.GROWTH_12M,
				List.of(growth(0.50), growth(-0.02), growth(-0.15), growth(-0.45)), BAND);
		assertThat(naming.namesHold()).isFalse();
		var second = naming.decisions().get(1);
		assertThat(second.positional()).isEqualTo("STEADY_GROWTH");
		assertThat(second.holds()).isFalse();
		assertThat(second.level()).isEqualTo("STABLE");
		assertThat(second.value()).isCloseTo(-0.02, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(naming.decisions().get(2).level()).as("-15 % is no longer stable: declining").isEqualTo("DECLINING");
	}

	@Test
	void namesNeverClimbAboveABetterRankedCluster() {
		Random random = new Random(5);
		for (int trial = 0; trial < 2000; trial++) {
			int k = 1 + random.nextInt(8);
			double[] changes = new double[k];
			for (int c = 0; c < k; c++) {
				changes[c] = Math.expm1(random.nextGaussian() * 0.3);
			}
			List<LevelNaming.Cluster> clusters = new ArrayList<>();
			for (double change : changes) {
				clusters.add(growth(change));
			}
			var naming = LevelNaming.name(Dimension.GROWTH_POTENTIAL, Feature.GROWTH_12M, clusters, BAND);
			int previous = 0;
			for (var decision : naming.decisions()) {
				int level = Dimension.GROWTH_POTENTIAL.levels().indexOf(decision.level());
				assertThat(level).as("rank %d of %s", decision.rank(), java.util.Arrays.toString(changes)).isGreaterThanOrEqualTo(previous);
				previous = level;
				// and every name holds its own anchor
				var anchor = LevelNaming.anchor(Dimension.GROWTH_POTENTIAL, Feature.GROWTH_12M, level, clusters.get(decision.cluster()), BAND);
				assertThat(anchor.holds()).as("%s for %s", decision.level(), changes[decision.cluster()]).isTrue();
			}
		}
	}

	@Test
	void nobodyEverOverdueIsLowArrearsRiskNotMedium() {
		var nobodyLate = new LevelNaming.Cluster(13, 0, new double[] {0, 0, 0, 0});
		var naming = LevelNaming.name(Dimension.ARREARS_RISK, Feature.GROWTH_12M, List.of(nobodyLate), BAND);
		assertThat(naming.decisions().getFirst().positional()).as("one cluster: the middle level by rank").isEqualTo("MEDIUM");
		assertThat(naming.decisions().getFirst().level()).isEqualTo("LOW");
		var someLate = new LevelNaming.Cluster(13, 0, new double[] {0.4, 0.03, 2, 0});
		assertThat(LevelNaming.name(Dimension.ARREARS_RISK, Feature.GROWTH_12M, List.of(someLate), BAND).decisions().getFirst().level())
			.isEqualTo("MEDIUM");
	}

	@Test
	void aHighArrearsClusterNeedsOverdueBillsAndAScoreAboveAverage() {
		var late = new LevelNaming.Cluster(5, 1.2, new double[] {3, 0.4, 20, 2});
		var onTime = new LevelNaming.Cluster(50, -0.1, new double[] {0, 0, 0, 0});
		var naming = LevelNaming.name(Dimension.ARREARS_RISK, Feature.GROWTH_12M, List.of(onTime, late), BAND);
		assertThat(naming.levelOfCluster()).containsExactly(2, 0);
		assertThat(naming.namesHold()).isTrue();
	}

	@Test
	void revenueAndSocialLevelsAreHighAboveAndLowBelowTheAverageAndAloneMedium() {
		var above = new LevelNaming.Cluster(10, 0.8, new double[4]);
		var middle = new LevelNaming.Cluster(10, 0.1, new double[4]);
		var below = new LevelNaming.Cluster(10, -0.9, new double[4]);
		assertThat(LevelNaming.name(Dimension.REVENUE_CONTRIBUTION, Feature.GROWTH_12M, List.of(below, above, middle), BAND).levelOfCluster())
			.containsExactly(2, 0, 1);
		var alone = new LevelNaming.Cluster(30, 0, new double[4]);
		assertThat(LevelNaming.name(Dimension.SOCIAL_INFLUENCE, Feature.GROWTH_12M, List.of(alone), BAND).levelOfCluster())
			.as("nobody differs: MEDIUM, not HIGH").containsExactly(1);
		// two clusters both above the average: the lower one cannot be LOW
		var alsoAbove = new LevelNaming.Cluster(10, 0.2, new double[4]);
		assertThat(LevelNaming.name(Dimension.REVENUE_CONTRIBUTION, Feature.GROWTH_12M, List.of(above, alsoAbove), BAND).levelOfCluster())
			.containsExactly(0, 1);
	}

}
