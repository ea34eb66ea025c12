// A dimension's outcome in a run: one SegmentProfile per level (size, centroid in original units) and one
// ClusteringTrial per k tried, both hung off the run.
MATCH (r:AnalyticsRun {id: $run})
UNWIND $profiles AS p
MATCH (s:Segment {dimension: $dimension, level: p.level})
CREATE (r)-[:FOUND]->(profile:SegmentProfile {run: $run, dimension: $dimension, level: p.level, customers: p.customers,
                                              clusters: p.clusters, features: $features, centroid: p.centroid})-[:OF]->(s)
WITH DISTINCT r
UNWIND $trials AS t
CREATE (r)-[:TRIED]->(:ClusteringTrial {run: $run, dimension: $dimension, k: t.k, withinClusterSumOfSquares: t.wcss,
                                         silhouette: t.silhouette, chosen: t.chosen})
