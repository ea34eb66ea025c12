// A failed run's segment profiles, k trials, transitions and credit model and indicator figures: figures of results that were never published.
MATCH (f:AnalyticsRun {status: 'FAILED'})
MATCH (n:SegmentProfile|ClusteringTrial|SegmentTransition|PlanWorkload|CreditModelFigures|CreditIndicatorFigures {run: f.id})
DETACH DELETE n
