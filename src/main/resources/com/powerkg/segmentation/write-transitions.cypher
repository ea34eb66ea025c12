MATCH (r:AnalyticsRun {id: $run})
SET r.comparedWithRun = $previous
WITH r
UNWIND $transitions AS t
CREATE (r)-[:MOVED]->(:SegmentTransition {run: $run, fromRun: $previous, dimension: t.dimension, from: t.from, to: t.to,
                                           customers: t.customers})
