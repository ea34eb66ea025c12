// The k trials and transitions recorded on some runs.
UNWIND $runs AS runId
MATCH (r:AnalyticsRun {id: runId})
RETURN runId,
       COLLECT { MATCH (r)-[:TRIED]->(t:ClusteringTrial)
                 RETURN t {.dimension, .k, .withinClusterSumOfSquares, .silhouette, .chosen} ORDER BY t.dimension, t.k } AS trials,
       COLLECT { MATCH (r)-[:MOVED]->(m:SegmentTransition)
                 RETURN m {.dimension, .from, .to, .customers} ORDER BY m.dimension, m.from, m.to } AS transitions
