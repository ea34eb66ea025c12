package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static com.powerkg.segmentation.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dimension segmented without a database, on generated populations shaped like real consumption: mostly flat,
 * heavy-tailed, a few growers and decliners, outliers, customers that stopped.
 */
class DimensionSegmenterTest {

	static final SegmentationProperties DEFAULTS = SegmentationProperties.DEFAULTS;

	static DimensionSegmenter.Result growth(FeatureMatrix m) {
		return DimensionSegmenter.segment(m, Dimension.GROWTH_POTENTIAL, 4, DEFAULTS);
	}

	/** A customer whose 12-month (and 3-month) growth is ln(1 + change), with the given volatility. */
	static double[] grower(double change, double volatility) {
		double g = Math.log1p(change);
		return row(Feature.GROWTH_12M, g, Feature.GROWTH_3M, g, Feature.TREND_36M, g, Feature.VOLATILITY, volatility);
	}

	/** 300 flat customers (±10 % a year), 15 growing 20..80 %, 15 falling 20..50 %: the shape of the issue's data. */
	static FeatureMatrix flatWithAFewGrowers(long seed) {
		Random random = new Random(seed);
		var m = new FeatureMatrix();
		for (int i = 0; i < 300; i++) {
			m.add("flat" + i, "RESIDENTIAL", "R", grower(-0.10 + 0.20 * random.nextDouble(), 0.05 + 0.15 * random.nextDouble()));
		}
		for (int i = 0; i < 15; i++) {
			m.add("up" + i, "RESIDENTIAL", "R", grower(0.20 + 0.60 * random.nextDouble(), 0.1));
			m.add("down" + i, "RESIDENTIAL", "R", grower(-0.20 - 0.30 * random.nextDouble(), 0.1));
		}
		return m;
	}

	static int indexOf(FeatureMatrix m, String id) {
		for (int i = 0; i < m.size(); i++) {
			if (m.id(i).equals(id)) {
				return i;
			}
		}
		throw new IllegalArgumentException(id);
	}

	static long members(DimensionSegmenter.Result result, String level) {
		return result.customersPerLevel().get(level);
	}

	@Test
	void anOutlierCustomerDoesNotTakeAClusterOfItsOwnButIsCappedAndFlagged() {
		var m = flatWithAFewGrowers(1);
		// from 0.5 kWh a month to 500: a log ratio of 6.9, dozens of standard deviations out
		m.add("near-zero base", "COMMERCIAL", "R", grower(999, 0.4));
		var result = growth(m);

		int outlier = indexOf(m, "near-zero base");
		String level = result.level(outlier);
		assertThat(level).isEqualTo("FAST_GROWTH");
		assertThat(members(result, level)).as("the outlier shares its level with the other fast growers").isGreaterThan(10);
		assertThat(result.cappedFeatures(outlier)).contains("GROWTH_12M");
		assertThat(result.trials().getFirst().smallestClusterShare()).isGreaterThan(DEFAULTS.minLevelShare());
		assertThat(result.warnings()).extracting(DimensionSegmenter.Warning::kind).doesNotContain(DimensionSegmenter.Warning.Kind.LEVEL_TOO_SMALL);
	}

	@Test
	void aHugeRevenueCustomerDoesNotTakeARevenueClusterOfItsOwn() {
		Random random = new Random(3);
		var m = new FeatureMatrix();
		for (int i = 0; i < 500; i++) {
			// yearly bills from about 200 yuan to 2 million, log-normal
			m.add("c" + i, "RESIDENTIAL", "R" + (i % 5), row(Feature.ANNUAL_REVENUE, Math.exp(9 + 1.5 * random.nextGaussian()),
					Feature.PEAK_SHARE, 0.3, Feature.SERVICE_CONTACTS, random.nextInt(3)));
		}
		m.add("steel plant", "LARGE_INDUSTRIAL", "R0", row(Feature.ANNUAL_REVENUE, 5e9, Feature.PEAK_SHARE, 0.3, Feature.SERVICE_CONTACTS, 1));
		var result = DimensionSegmenter.segment(m, Dimension.REVENUE_CONTRIBUTION, 3, DEFAULTS);

		int plant = indexOf(m, "steel plant");
		assertThat(result.level(plant)).isEqualTo("HIGH");
		assertThat(members(result, "HIGH")).isGreaterThan(10);
		assertThat(result.cappedFeatures(plant)).contains("ANNUAL_REVENUE");
	}

	@Test
	void aFlatPopulationWithAFewGrowersYieldsLevelsThatAreContiguousRangesOfGrowth() {
		for (long seed = 1; seed <= 5; seed++) {
			var m = flatWithAFewGrowers(seed);
			var result = growth(m);

			List<DimensionSegmenter.Level> populated = result.levels().stream().filter(l -> l.clustered() && l.customers() > 0).toList();
			assertThat(populated).as("seed " + seed).hasSize(4);
			for (int l = 1; l < populated.size(); l++) {
				assertThat(populated.get(l).definingTo()).as("seed %d: %s lies wholly below %s", seed, populated.get(l).level(),
						populated.get(l - 1).level()).isLessThan(populated.get(l - 1).definingFrom());
			}
			int growth = Dimension.GROWTH_POTENTIAL.features().indexOf(Feature.GROWTH_12M);
			var levels = result.levels();
			assertThat(levels.get(3).centroid()[growth]).as("DECLINING falls").isNegative();
			assertThat(levels.get(0).centroid()[growth]).as("FAST_GROWTH above STEADY_GROWTH").isGreaterThan(levels.get(1).centroid()[growth]);
			assertThat(result.namesHold()).isTrue();
			assertThat(result.warnings()).as("seed " + seed).isEmpty();
			assertThat(spearman(m, result)).as("seed " + seed).isGreaterThan(0.8);
		}
	}

	@Test
	void volatilityDescribesButDoesNotDefineAGrowthLevel() {
		Random random = new Random(7);
		var m = new FeatureMatrix();
		for (int i = 0; i < 400; i++) {
			// half swing wildly month to month (coefficient of variation around 0.9), none of them has a trend of its own
			boolean swinging = i % 2 == 0;
			m.add((swinging ? "swing" : "calm") + i, "GENERAL_COMMERCIAL", "R",
					grower(0.3 * random.nextGaussian(), swinging ? 0.6 + 0.6 * random.nextDouble() : 0.05 + 0.1 * random.nextDouble()));
		}
		var result = growth(m);
		for (var level : Dimension.GROWTH_POTENTIAL.levels()) {
			long swinging = 0;
			long all = 0;
			for (int i = 0; i < m.size(); i++) {
				if (result.level(i).equals(level)) {
					all++;
					swinging += m.id(i).startsWith("swing") ? 1 : 0;
				}
			}
			if (all > 0) {
				assertThat((double) swinging / all).as(level + ": swinging customers are in every level, none is theirs").isBetween(0.2, 0.8);
			}
		}
		int volatility = Dimension.GROWTH_POTENTIAL.features().indexOf(Feature.VOLATILITY);
		assertThat(result.levels().get(0).centroid()[volatility]).as("the level still reports its volatility").isPositive();
	}

	@Test
	void aLevelThatSwallowsThePopulationIsAWarningNotAnError() {
		var m = new FeatureMatrix();
		for (int i = 0; i < 900; i++) {
			m.add("same" + i, "RESIDENTIAL", "R", grower(0.02, 0.1));
		}
		Random random = new Random(2);
		for (int i = 0; i < 100; i++) {
			m.add("other" + i, "RESIDENTIAL", "R", grower(-0.5 + random.nextDouble(), 0.1));
		}
		var result = growth(m);

		var giant = result.warnings().stream().filter(w -> w.kind() == DimensionSegmenter.Warning.Kind.LEVEL_TOO_LARGE).toList();
		assertThat(giant).singleElement().satisfies(w -> {
			assertThat(w.value()).isGreaterThanOrEqualTo(0.9);
			assertThat(w.limit()).isEqualTo(0.70);
			assertThat(members(result, w.level())).isGreaterThanOrEqualTo(900);
		});
	}

	@Test
	void customersWhoseGrowthCannotBeMeasuredAreNotClusteredAndCountedByReason() {
		var m = flatWithAFewGrowers(4);
		m.add("stopped", "RESIDENTIAL", "R", TestRows.withFacts(grower(-0.6, 1.5), 36, 36, 4));
		m.add("never", "RESIDENTIAL", "R", TestRows.withFacts(grower(0, Double.NaN), 36, 0, 36));
		m.add("new", "RESIDENTIAL", "R", TestRows.withFacts(grower(Double.NaN, 0.1), 10, 10, 0));
		var result = growth(m);

		assertThat(result.level(indexOf(m, "stopped"))).isEqualTo("STOPPED");
		assertThat(result.level(indexOf(m, "never"))).isEqualTo("STOPPED");
		assertThat(result.level(indexOf(m, "new"))).isEqualTo("INSUFFICIENT_HISTORY");
		assertThat(result.assignment().distance()[indexOf(m, "stopped")]).isNaN();
		assertThat(result.assignment().reasons()[indexOf(m, "new")]).isEqualTo(Exclusion.Reason.STARTED_LATE);
		assertThat(result.clustered()).isEqualTo(330);
		assertThat(result.customers()).isEqualTo(333);
		assertThat(result.distributions()).allSatisfy(d -> assertThat(d.customers()).as("described over the clustered").isEqualTo(330));
		var stopped = result.levels().stream().filter(l -> l.level().equals("STOPPED")).findFirst().orElseThrow();
		assertThat(stopped.clustered()).isFalse();
		assertThat(stopped.reasons()).isEqualTo(Map.of(Exclusion.Reason.STOPPED_CONSUMING, 1L, Exclusion.Reason.NO_CONSUMPTION, 1L));
		assertThat(result.levels().stream().filter(DimensionSegmenter.Level::clustered).mapToLong(DimensionSegmenter.Level::customers).sum())
			.isEqualTo(330);
	}

	@Test
	void onlyGrowthExcludesCustomers() {
		var m = flatWithAFewGrowers(4);
		m.add("stopped", "RESIDENTIAL", "R", TestRows.withFacts(grower(-0.6, 1.5), 36, 36, 4));
		var revenue = DimensionSegmenter.segment(m, Dimension.REVENUE_CONTRIBUTION, 3, DEFAULTS);
		assertThat(revenue.clustered()).isEqualTo(m.size());
		assertThat(revenue.level(indexOf(m, "stopped"))).isIn("HIGH", "MEDIUM", "LOW");
	}

	@Test
	void onAShortHistoryTheThreeMonthGrowthDefinesTheLevels() {
		Random random = new Random(9);
		var m = new FeatureMatrix();
		for (int i = 0; i < 200; i++) {
			double g3 = 0.2 * random.nextGaussian();
			// 21 months of history: no 12-month growth for anybody
			m.add("c" + i, "RESIDENTIAL", "R", TestRows.withFacts(row(Feature.GROWTH_12M, Double.NaN, Feature.GROWTH_3M, g3,
					Feature.TREND_36M, 0, Feature.VOLATILITY, 0.1), 21, 21, 0));
		}
		var result = growth(m);
		assertThat(result.definingFeature()).isEqualTo(Feature.GROWTH_3M);
		assertThat(result.clustered()).isEqualTo(200);
		var populated = result.levels().stream().filter(l -> l.clustered() && l.customers() > 0).toList();
		for (int l = 1; l < populated.size(); l++) {
			assertThat(populated.get(l).definingTo()).isLessThan(populated.get(l - 1).definingFrom());
		}
	}

	@Test
	void automaticKKeepsTheBestSilhouetteAmongTheKsWithinTheSizeLimits() {
		var m = new FeatureMatrix();
		// half flat, half grew 10 %, and 5 customers (0.5 %) in between: three clusters separate best, but the third holds
		// fewer than min-level-share (1 %) of the customers
		for (int i = 0; i < 500; i++) {
			m.add("flat" + i, "RESIDENTIAL", "R", row(Feature.GROWTH_12M, 0.0));
		}
		for (int i = 0; i < 495; i++) {
			m.add("grew" + i, "RESIDENTIAL", "R", row(Feature.GROWTH_12M, 0.1));
		}
		for (int i = 0; i < 5; i++) {
			m.add("between" + i, "RESIDENTIAL", "R", row(Feature.GROWTH_12M, 0.05));
		}
		var result = DimensionSegmenter.segment(m, Dimension.GROWTH_POTENTIAL, 0, DEFAULTS);

		assertThat(result.trials()).extracting(DimensionSegmenter.Trial::k).containsExactly(2, 3);
		var three = result.trials().get(1);
		assertThat(three.withinSizeLimits()).isFalse();
		assertThat(three.smallestClusterShare()).isEqualTo(0.005);
		assertThat(three.silhouette()).isGreaterThan(result.trials().getFirst().silhouette());
		assertThat(result.k()).as("the best silhouette within the limits").isEqualTo(2);
		assertThat(result.chosenTrial().withinSizeLimits()).isTrue();
	}

	@Test
	void theSameDataAndSeedGiveTheSameSegments() {
		for (Dimension dimension : Dimension.values()) {
			var a = DimensionSegmenter.segment(flatWithAFewGrowers(6), dimension, dimension.defaultK(), DEFAULTS);
			var b = DimensionSegmenter.segment(flatWithAFewGrowers(6), dimension, dimension.defaultK(), DEFAULTS);
			assertThat(a.assignment().levelOfCustomer()).isEqualTo(b.assignment().levelOfCustomer());
			assertThat(a.assignment().distance()).isEqualTo(b.assignment().distance());
		}
	}

	@Test
	void thePictureShowsEveryLevelAndIsWellFormedSvg() throws Exception {
		var m = flatWithAFewGrowers(8);
		m.add("stopped", "RESIDENTIAL", "R", TestRows.withFacts(grower(-0.6, 1.5), 36, 36, 4));
		String svg = SegmentPicture.svg(growth(m));
		var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(svg).contains("FAST_GROWTH", "STEADY_GROWTH", "STABLE", "DECLINING", "STOPPED 1", "STOPPED_CONSUMING");
	}

	/** Spearman's rank correlation between the level (FAST_GROWTH highest) and the 12-month growth, clustered customers. */
	static double spearman(FeatureMatrix m, DimensionSegmenter.Result result) {
		List<double[]> pairs = new ArrayList<>();
		int levels = Dimension.GROWTH_POTENTIAL.levels().size();
		for (int i = 0; i < m.size(); i++) {
			int level = result.assignment().levelOfCustomer()[i];
			if (level < levels) {
				pairs.add(new double[] {levels - level, m.raw(i, Feature.GROWTH_12M)});
			}
		}
		return Spearman.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
	}

}
