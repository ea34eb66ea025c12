// What some runs recorded about their segmentation: settings, per dimension its figures (SegmentDimension) with the k
// trials, level profiles, cluster naming, feature distributions and warnings, and the transitions.
UNWIND $runs AS runId
MATCH (r:AnalyticsRun {id: runId})
RETURN runId,
       r {.segmentSeed, .segmentRestarts, .segmentMaxIterations, .segmentSilhouetteSample, .segmentMaxLevelShare,
          .segmentMinLevelShare, .segmentStableGrowthBand, .segmentStoppedMonths} AS parameters,
       COLLECT { MATCH (r)-[:SEGMENTED]->(d:SegmentDimension) RETURN d {.*} ORDER BY d.dimension } AS dimensions,
       COLLECT { MATCH (r)-[:TRIED]->(t:ClusteringTrial)
                 RETURN t {.dimension, .k, .withinClusterSumOfSquares, .silhouette, .largestLevelShare, .smallestClusterShare,
                           .withinSizeLimits, .chosen} ORDER BY t.dimension, t.k } AS trials,
       COLLECT { MATCH (r)-[:FOUND]->(p:SegmentProfile) RETURN p {.*} } AS profiles,
       COLLECT { MATCH (r)-[:NAMED]->(n:ClusterNaming) RETURN n {.*} ORDER BY n.dimension, n.rank } AS naming,
       COLLECT { MATCH (r)-[:DESCRIBED]->(f:FeatureDistribution) RETURN f {.*} } AS features,
       COLLECT { MATCH (r)-[:WARNED]->(w:SegmentWarning) RETURN w {.*} ORDER BY w.dimension, w.kind, w.level } AS warnings,
       COLLECT { MATCH (r)-[:MOVED]->(m:SegmentTransition)
                 RETURN m {.dimension, .from, .to, .customers} ORDER BY m.dimension, m.from, m.to } AS transitions
