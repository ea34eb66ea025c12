// A failed run's segment figures (profiles, k trials, transitions, dimensions, naming, distributions, warnings), plan
// workload and credit model and indicator figures: figures of results that were never published.
MATCH (f:AnalyticsRun {status: 'FAILED'})
MATCH (n:SegmentProfile|ClusteringTrial|SegmentTransition|SegmentDimension|ClusterNaming|FeatureDistribution|SegmentWarning|PlanWorkload|CreditModelFigures|CreditIndicatorFigures {run: f.id})
DETACH DELETE n
