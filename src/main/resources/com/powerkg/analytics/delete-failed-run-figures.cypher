// A failed run's segment profiles, k trials and transitions: figures of results that were never published.
MATCH (f:AnalyticsRun {status: 'FAILED'})
MATCH (n:SegmentProfile|ClusteringTrial|SegmentTransition|PlanWorkload {run: f.id})
DETACH DELETE n
