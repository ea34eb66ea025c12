package com.powerkg.segmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.powerkg.PrivateGraph;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.graph.GraphReads;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external check, on a population made here by a process that is not the generator's: 321 customers with
 * three complete years of monthly consumption, shaped like the public data set the issue describes (mostly flat within
 * ±10 % a year, sizes over four orders of magnitude, a few growing from a near-zero base, a few that stopped, a few
 * swinging strongly with the seasons or month to month without a trend). Only customers.csv and consumption.csv, as an
 * outside conversion would have. Imported into a store of its own and analysed with the default settings, the growth
 * levels must follow measured growth (total kWh of the last 12 months against the 12 before, computed here from the
 * numbers written): Spearman's rank correlation at least 0.8, levels that are non-overlapping ranges of growth,
 * outliers flagged rather than clustered on their own, and no level swallowing the population without a warning.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class RealConsumptionSegmentationTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final YearMonth FIRST = YearMonth.of(2023, 11);

	static final int MONTHS = 36;

	/** One customer's consumption and what it is meant to be. */
	record Series(String id, String kind, double[] kwh) {

		/** kWh of the last 12 months against the 12 before: the measured 12-month growth. */
		double measuredGrowth() {
			double recent = 0;
			double earlier = 0;
			for (int m = MONTHS - 12; m < MONTHS; m++) {
				recent += this.kwh[m];
				earlier += this.kwh[m - 12];
			}
			return recent / earlier - 1;
		}

		/** The same as the product defines its 12-month growth feature: ln((recent + 1) / (earlier + 1)). */
		double logRatio() {
			double recent = 0;
			double earlier = 0;
			for (int m = MONTHS - 12; m < MONTHS; m++) {
				recent += this.kwh[m];
				earlier += this.kwh[m - 12];
			}
			return Math.log((recent + 1) / (earlier + 1));
		}

	}

	/**
	 * Monthly kWh = size × (1 + yearly change)^(month / 12) × seasonal sine × log-normal noise, with sizes log-uniform
	 * from 10 to 100,000 kWh a month; stoppers read exactly 0 for their last 6 months; near-zero growers read about
	 * 0.5 kWh for their first 14 months and then ramp up.
	 */
	static List<Series> population(long seed) {
		return population(seed, 280, 15, 12);
	}

	/** The same with other numbers of flat customers, growers and decliners (a heavier-tailed population). */
	static List<Series> population(long seed, int flat, int growers, int decliners) {
		Random random = new Random(seed);
		List<Series> all = new ArrayList<>();
		Map<String, Integer> kinds = new LinkedHashMap<>();
		kinds.put("flat", flat);
		kinds.put("grower", growers);
		kinds.put("decliner", decliners);
		kinds.put("near-zero", 3);
		kinds.put("stopped", 3);
		kinds.put("swinging", 8);
		int n = 0;
		for (var kind : kinds.entrySet()) {
			for (int i = 0; i < kind.getValue(); i++) {
				double size = Math.pow(10, 1 + 4 * random.nextDouble());
				double change = switch (kind.getKey()) {
					case "flat" -> -0.06 + 0.12 * random.nextDouble();
					case "grower" -> 0.15 + 0.65 * random.nextDouble();
					case "decliner" -> -0.15 - 0.35 * random.nextDouble();
					case "stopped" -> -0.05 + 0.10 * random.nextDouble();
					default -> -0.03 + 0.06 * random.nextDouble();
				};
				boolean swinging = kind.getKey().equals("swinging");
				double amplitude = swinging && i % 2 == 0 ? 0.85 : 0.15 * random.nextDouble();
				double noise = swinging && i % 2 == 1 ? 0.9 : 0.03 + 0.12 * random.nextDouble();
				double phase = 2 * Math.PI * random.nextDouble();
				double[] kwh = new double[MONTHS];
				for (int m = 0; m < MONTHS; m++) {
					double seasonal = 1 + amplitude * Math.sin(2 * Math.PI * m / 12 + phase);
					double value = size * Math.pow(1 + change, m / 12.0) * Math.max(0.02, seasonal)
							* Math.exp(noise * random.nextGaussian() - noise * noise / 2);
					if (kind.getKey().equals("near-zero")) {
						value = (m < 14) ? 0.5 : size * Math.min(1, (m - 13) / 10.0);
					}
					if (kind.getKey().equals("stopped") && m >= MONTHS - 6) {
						value = 0;
					}
					kwh[m] = Math.round(value * 100) / 100.0;
				}
				all.add(new Series(String.format(Locale.ROOT, "R%03d", ++n), kind.getKey(), kwh));
			}
		}
		return all;
	}

	static void write(List<Series> population, Path directory) throws IOException {
		Files.createDirectories(directory);
		StringBuilder customers = new StringBuilder("customer_id,usage_category,payment_mode\n");
		StringBuilder consumption = new StringBuilder("customer_id,month,kwh\n");
		for (Series s : population) {
			customers.append(s.id()).append(",GENERAL_COMMERCIAL,POSTPAID\n");
			for (int m = 0; m < MONTHS; m++) {
				consumption.append(s.id()).append(',').append(FIRST.plusMonths(m)).append(',')
					.append(String.format(Locale.ROOT, "%.2f", s.kwh()[m])).append('\n');
			}
		}
		Files.writeString(directory.resolve("customers.csv"), customers);
		Files.writeString(directory.resolve("consumption.csv"), consumption);
	}

	@Test
	void growthLevelsFollowMeasuredGrowthOnFlatHeavyTailedConsumptionWithDefaultSettings(@TempDir Path tmp) throws IOException {
		List<Series> population = population(2014);
		write(population, tmp.resolve("data"));
		Map<String, Series> byId = new HashMap<>();
		population.forEach(s -> byId.put(s.id(), s));
		long flatWithin10 = population.stream().filter(s -> Math.abs(s.measuredGrowth()) <= 0.10).count();
		assertThat(flatWithin10).as("mostly flat, as real consumption is (the issue: 281 of 320)").isBetween(260L, 300L);

		try (var graph = PrivateGraph.reused()) {
			new CsvImporter(graph.driver(), new ImportProperties(5000, tmp.resolve("reports"), 100_000, 2)).importDirectory(tmp.resolve("data"));
			var reads = new GraphReads(graph.driver());
			var runs = new AnalyticsRuns(graph.driver(), AnalyticsProperties.DEFAULTS.runs());
			var outcome = new AnalyticsService(runs, new TaggingStage(graph.driver(), reads),
					new SegmentationStage(graph.driver(), SegmentationProperties.DEFAULTS),
					new CreditStage(graph.driver(), CreditProperties.DEFAULTS)).run(AS_OF);

			Map<String, String> level = new HashMap<>();
			Map<String, String> reason = new HashMap<>();
			Map<String, List<String>> capped = new HashMap<>();
			reads.records("""
					MATCH (c:Customer)-[m:IN_SEGMENT]->(s:Segment {dimension: 'GROWTH_POTENTIAL'}) WHERE m.run = $run
					RETURN c.id AS id, s.level AS level, m.reason AS reason, coalesce(m.capped, []) AS capped""",
					Map.of("run", outcome.runId())).forEach(r -> {
						String id = r.get("id").asString();
						level.put(id, r.get("level").asString());
						reason.put(id, r.get("reason").asString(null));
						capped.put(id, r.get("capped").asList(Value::asString));
					});
			assertThat(level).hasSize(321);

			// the stopped customers are flagged with the reason, not clustered
			population.stream().filter(s -> s.kind().equals("stopped")).forEach(s -> {
				assertThat(level.get(s.id())).as(s.id()).isEqualTo("STOPPED");
				assertThat(reason.get(s.id())).isEqualTo("STOPPED_CONSUMING");
			});
			// the near-zero growers are flagged as capped outliers and share FAST_GROWTH with the ordinary fast growers
			List<String> named = Dimension.GROWTH_POTENTIAL.levels();
			long fast = level.values().stream().filter("FAST_GROWTH"::equals).count();
			population.stream().filter(s -> s.kind().equals("near-zero")).forEach(s -> {
				assertThat(level.get(s.id())).as(s.id()).isEqualTo("FAST_GROWTH");
				assertThat(capped.get(s.id())).contains("GROWTH_12M");
			});
			assertThat(fast).as("no cluster of their own").isGreaterThan(3 + 5);

			// level against measured growth, over the clustered customers
			List<double[]> pairs = new ArrayList<>();
			Map<String, double[]> range = new HashMap<>();
			Map<String, double[]> featureRange = new HashMap<>();
			for (Series s : population) {
				int index = named.indexOf(level.get(s.id()));
				if (index < 0) {
					continue;
				}
				double growth = s.measuredGrowth();
				pairs.add(new double[] {named.size() - index, growth});
				range.merge(level.get(s.id()), new double[] {growth, growth},
						(a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
				featureRange.merge(level.get(s.id()), new double[] {s.logRatio(), s.logRatio()},
						(a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
			}
			double rho = Spearman.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
			var growth = outcome.segments().dimensions().stream().filter(d -> d.dimension() == Dimension.GROWTH_POTENTIAL).findFirst()
				.orElseThrow();
			System.out.printf(Locale.ROOT, "external-like check: Spearman %.3f over %d clustered customers; levels %s; measured ranges %s; "
					+ "warnings %s%n", rho, pairs.size(), growth.customersPerLevel(),
					range.entrySet().stream().map(e -> e.getKey() + String.format(Locale.ROOT, "=[%+.1f %%, %+.1f %%]", 100 * e.getValue()[0],
							100 * e.getValue()[1])).toList(), growth.warnings().stream().map(DimensionSegmenter.Warning::message).toList());
			assertThat(rho).as("Spearman between growth level and measured 12-month growth").isGreaterThanOrEqualTo(0.8);

			// each level is a range of the 12-month growth (as defined, with its +1 kWh) below the one above it; on the
			// plain ratio two neighbours may touch by the +1 kWh of a customer of 10 kWh a month
			List<String> populated = named.stream().filter(range::containsKey).toList();
			for (int l = 1; l < populated.size(); l++) {
				assertThat(featureRange.get(populated.get(l))[1]).as(populated.get(l) + " below " + populated.get(l - 1))
					.isLessThan(featureRange.get(populated.get(l - 1))[0]);
				assertThat(range.get(populated.get(l))[1]).isLessThan(range.get(populated.get(l - 1))[0] + 0.005);
			}
			assertThat(populated).as("four levels in use").hasSize(4);
			// the names hold: DECLINING's customers fell, FAST_GROWTH's grew more than STEADY_GROWTH's
			assertThat(growth.namesHold()).isTrue();
			assertThat(range.get("DECLINING")[1]).isNegative();

			// no level holds more than 70 % without the run saying so
			boolean tooLarge = growth.levels().stream().anyMatch(l -> l.share() > 0.70);
			long warned = reads.single("""
					MATCH (:AnalyticsRun {id: $run})-[:WARNED]->(w:SegmentWarning {dimension: 'GROWTH_POTENTIAL', kind: 'LEVEL_TOO_LARGE'})
					RETURN count(w) AS n""", Map.of("run", outcome.runId())).get("n").asLong();
			assertThat(warned > 0).isEqualTo(tooLarge);

			// the strongly swinging customers without a trend are not a level of their own
			assertThat(population.stream().filter(s -> s.kind().equals("swinging")).map(s -> level.get(s.id())).distinct().count())
				.isGreaterThan(1);
		}
	}

	/**
	 * The same check without a database on many such populations (other seeds, and heavier tails: a quarter of the
	 * customers growing or falling by more than 10 %): the features from each customer's history as the run computes
	 * them, then the growth dimension with the default settings.
	 */
	@Test
	void theRankCorrelationHoldsOnManyPopulationsOfThatShape() {
		double lowest = 1;
		for (long seed = 1; seed <= 12; seed++) {
			for (int[] mix : new int[][] {{280, 15, 12}, {220, 45, 42}}) {
				List<Series> population = population(seed, mix[0], mix[1], mix[2]);
				var matrix = new FeatureMatrix();
				for (Series s : population) {
					List<com.powerkg.history.CustomerHistory.MonthlyUsage> usage = new ArrayList<>();
					for (int m = 0; m < MONTHS; m++) {
						usage.add(new com.powerkg.history.CustomerHistory.MonthlyUsage(FIRST.plusMonths(m), s.kwh()[m], null));
					}
					matrix.add(s.id(), "GENERAL_COMMERCIAL", null, ValueFeatures.compute(ValueFeaturesTest.withUsage(usage), AS_OF));
				}
				var result = DimensionSegmenter.segment(matrix, Dimension.GROWTH_POTENTIAL, 4, SegmentationProperties.DEFAULTS);
				List<double[]> pairs = new ArrayList<>();
				for (int i = 0; i < population.size(); i++) {
					int index = Dimension.GROWTH_POTENTIAL.levels().indexOf(result.level(i));
					if (index >= 0) {
						pairs.add(new double[] {4 - index, population.get(i).measuredGrowth()});
					}
				}
				double rho = Spearman.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
				assertThat(rho).as("seed %d, %d flat", seed, mix[0]).isGreaterThanOrEqualTo(0.8);
				assertThat(result.levels()).as("seed %d: no level swallows the population", seed)
					.allSatisfy(l -> assertThat(l.share()).isLessThanOrEqualTo(0.70));
				lowest = Math.min(lowest, rho);
			}
		}
		System.out.printf(Locale.ROOT, "lowest Spearman over 24 populations: %.3f%n", lowest);
	}

}
