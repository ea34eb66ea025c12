// A dimension's outcome in a run, hung off the run: its figures (SegmentDimension: defining feature, k, customers
// clustered, whether the names held, the picture), one SegmentProfile per level that has customers (size, share,
// centroid in original units, range of the defining feature, exclusion reasons, histogram), one ClusteringTrial per k
// tried, one ClusterNaming per cluster (its rank, the level the rank gave, the anchor, the level it got), one
// FeatureDistribution per feature (percentiles before and after the transform, caps) and one SegmentWarning each.
MATCH (r:AnalyticsRun {id: $run})
CREATE (r)-[:SEGMENTED]->(:SegmentDimension {run: $run, dimension: $dimension, definingFeature: $definingFeature, k: $k,
                                             automatic: $automatic, customers: $customers, clustered: $clustered,
                                             namesHold: $namesHold, histogramFrom: $histogramFrom,
                                             histogramTo: $histogramTo, picture: $picture})
WITH r
CALL (r) {
  UNWIND $profiles AS p
  MATCH (s:Segment {dimension: $dimension, level: p.level})
  CREATE (r)-[:FOUND]->(:SegmentProfile {run: $run, dimension: $dimension, level: p.level, customers: p.customers,
                                         share: p.share, clustered: p.clustered, clusters: p.clusters,
                                         features: p.features, centroid: p.centroid, definingFeature: $definingFeature,
                                         definingFrom: p.definingFrom, definingTo: p.definingTo, reasons: p.reasons,
                                         reasonCustomers: p.reasonCustomers, histogram: p.histogram})-[:OF]->(s)
}
CALL (r) {
  UNWIND $trials AS t
  CREATE (r)-[:TRIED]->(:ClusteringTrial {run: $run, dimension: $dimension, k: t.k, withinClusterSumOfSquares: t.wcss,
                                           silhouette: t.silhouette, largestLevelShare: t.largestLevelShare,
                                           smallestClusterShare: t.smallestClusterShare,
                                           withinSizeLimits: t.withinSizeLimits, chosen: t.chosen})
}
CALL (r) {
  UNWIND $naming AS n
  CREATE (r)-[:NAMED]->(:ClusterNaming {run: $run, dimension: $dimension, rank: n.rank, positional: n.positional,
                                         level: n.level, holds: n.holds, anchor: n.anchor, value: n.value})
}
CALL (r) {
  UNWIND $distributions AS f
  CREATE (r)-[:DESCRIBED]->(:FeatureDistribution {run: $run, dimension: $dimension, feature: f.feature, unit: f.unit,
                                                   transform: f.transform, lowerPercentile: f.lowerPercentile,
                                                   upperPercentile: f.upperPercentile, clusterWeight: f.clusterWeight,
                                                   rankingWeight: f.rankingWeight, customers: f.customers,
                                                   imputed: f.imputed, percentiles: f.percentiles, raw: f.raw,
                                                   transformed: f.transformed, lowerCap: f.lowerCap,
                                                   upperCap: f.upperCap, cappedBelow: f.cappedBelow,
                                                   cappedAbove: f.cappedAbove})
}
CALL (r) {
  UNWIND $warnings AS w
  CREATE (r)-[:WARNED]->(:SegmentWarning {run: $run, dimension: $dimension, kind: w.kind, level: w.level,
                                           value: w.value, limit: w.limit, message: w.message})
}
