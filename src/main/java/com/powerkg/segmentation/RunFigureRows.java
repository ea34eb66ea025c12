package com.powerkg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;


/** Maps a row of {@code run-segmentation.cypher} (a run's typed segmentation figures) to what GraphQL shows. */
final class RunFigureRows {

	private RunFigureRows() {
	}

	static Segments.RunFigures figures(Map<String, Object> row) {
		List<Map<String, Object>> trials = rows(row.get("trials"));
		List<Map<String, Object>> profiles = rows(row.get("profiles"));
		List<Map<String, Object>> naming = rows(row.get("naming"));
		List<Map<String, Object>> features = rows(row.get("features"));
		List<Map<String, Object>> warnings = rows(row.get("warnings"));
		List<Segments.DimensionMetrics> dimensions = rows(row.get("dimensions")).stream()
			.sorted(Comparator.comparing(d -> Dimension.valueOf((String) d.get("dimension"))))
			.map(d -> dimension(d, of(trials, d), of(profiles, d), of(naming, d), of(features, d), of(warnings, d)))
			.toList();
		List<Segments.Transition> transitions = rows(row.get("transitions")).stream()
			.map(t -> new Segments.Transition((String) t.get("dimension"), (String) t.get("from"), (String) t.get("to"),
					number(t.get("customers")).longValue()))
			.toList();
		return new Segments.RunFigures(dimensions, transitions, parameters(map(row.get("parameters"))));
	}

	private static Segments.Parameters parameters(Map<String, Object> p) {
		if (p == null || p.get("segmentRestarts") == null) {
			return null;
		}
		return new Segments.Parameters(number(p.get("segmentSeed")).longValue(), number(p.get("segmentRestarts")).intValue(),
				number(p.get("segmentMaxIterations")).intValue(), number(p.get("segmentSilhouetteSample")).intValue(),
				number(p.get("segmentMaxLevelShare")).doubleValue(), number(p.get("segmentMinLevelShare")).doubleValue(),
				number(p.get("segmentStableGrowthBand")).doubleValue(), number(p.get("segmentStoppedMonths")).intValue());
	}

	private static Segments.DimensionMetrics dimension(Map<String, Object> d, List<Map<String, Object>> trials,
			List<Map<String, Object>> profiles, List<Map<String, Object>> naming, List<Map<String, Object>> features,
			List<Map<String, Object>> warnings) {
		Dimension dimension = Dimension.valueOf((String) d.get("dimension"));
		List<Segments.LevelFigures> levels = new ArrayList<>();
		List<Segments.ExclusionCount> excluded = new ArrayList<>();
		for (String level : dimension.allLevels()) {
			var profile = profiles.stream().filter(p -> level.equals(p.get("level"))).findFirst().orElse(null);
			boolean clustered = dimension.levels().contains(level);
			if (profile == null) {
				levels.add(new Segments.LevelFigures(level, clustered, 0, 0, 0, null, null, List.of()));
				continue;
			}
			levels.add(new Segments.LevelFigures(level, clustered, number(profile.get("customers")).longValue(),
					number(profile.get("share")).doubleValue(), number(profile.get("clusters")).longValue(),
					nullable(profile.get("definingFrom")), nullable(profile.get("definingTo")),
					centroid(profile.get("features"), profile.get("centroid"))));
			List<String> reasons = strings(profile.get("reasons"));
			List<Object> counts = list(profile.get("reasonCustomers"));
			for (int i = 0; i < reasons.size(); i++) {
				excluded.add(new Segments.ExclusionCount(level, reasons.get(i), number(counts.get(i)).longValue()));
			}
		}
		return new Segments.DimensionMetrics(dimension.name(), number(d.get("k")).intValue(), (Boolean) d.get("automatic"),
				trials.stream().map(RunFigureRows::trial).toList(), (String) d.get("definingFeature"), number(d.get("customers")).longValue(),
				number(d.get("clustered")).longValue(), (Boolean) d.get("namesHold"), levels, excluded,
				naming.stream().map(n -> new Segments.ClusterNaming(number(n.get("rank")).intValue(), (String) n.get("positional"),
						(String) n.get("level"), (Boolean) n.get("holds"), (String) n.get("anchor"), number(n.get("value")).doubleValue()))
					.toList(),
				features.stream()
					.sorted(Comparator.comparing(f -> Feature.valueOf((String) f.get("feature"))))
					.map(RunFigureRows::distribution)
					.toList(),
				warnings.stream().map(w -> new Segments.Warning((String) w.get("kind"), (String) w.get("level"), nullable(w.get("value")),
						nullable(w.get("limit")), (String) w.get("message"))).toList(),
				(String) d.get("picture"));
	}

	static Segments.Trial trial(Map<String, Object> t) {
		return new Segments.Trial((String) t.get("dimension"), number(t.get("k")).intValue(),
				number(t.get("withinClusterSumOfSquares")).doubleValue(), number(t.get("silhouette")).doubleValue(),
				nullable(t.get("largestLevelShare")), nullable(t.get("smallestClusterShare")), (Boolean) t.get("withinSizeLimits"),
				(Boolean) t.get("chosen"));
	}

	private static Segments.FeatureDistribution distribution(Map<String, Object> f) {
		return new Segments.FeatureDistribution((String) f.get("feature"), (String) f.get("unit"), (String) f.get("transform"),
				number(f.get("lowerPercentile")).doubleValue(), number(f.get("upperPercentile")).doubleValue(),
				number(f.get("clusterWeight")).doubleValue(), number(f.get("rankingWeight")).doubleValue(),
				number(f.get("customers")).longValue(), number(f.get("imputed")).longValue(), doubles(f.get("percentiles")),
				doubles(f.get("raw")), doubles(f.get("transformed")), nullable(f.get("lowerCap")), nullable(f.get("upperCap")),
				number(f.get("cappedBelow")).longValue(), number(f.get("cappedAbove")).longValue());
	}

	static List<Segments.FeatureValue> centroid(Object featureList, Object valueList) {
		List<String> features = strings(featureList);
		List<Object> values = list(valueList);
		List<Segments.FeatureValue> centroid = new ArrayList<>();
		for (int i = 0; i < Math.min(features.size(), values.size()); i++) {
			String code = features.get(i);
			String unit = Arrays.stream(Feature.values()).filter(f -> f.code().equals(code)).map(Feature::unit).findFirst().orElse("");
			centroid.add(new Segments.FeatureValue(code, unit, number(values.get(i)).doubleValue()));
		}
		return centroid;
	}

	private static List<Map<String, Object>> of(List<Map<String, Object>> rows, Map<String, Object> dimension) {
		return rows.stream().filter(r -> dimension.get("dimension").equals(r.get("dimension"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object list) {
		return (list == null) ? List.of() : (List<Map<String, Object>>) list;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object map) {
		return (Map<String, Object>) map;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object list) {
		return (list == null) ? List.of() : (List<Object>) list;
	}

	private static List<String> strings(Object list) {
		return list(list).stream().map(String.class::cast).toList();
	}

	private static List<Double> doubles(Object list) {
		return list(list).stream().map(v -> number(v).doubleValue()).toList();
	}

	private static Number number(Object value) {
		return (Number) value;
	}

	private static Double nullable(Object value) {
		return (value == null) ? null : number(value).doubleValue();
	}

}
