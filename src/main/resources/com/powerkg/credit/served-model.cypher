// What it takes to score again with a run's champion: grade cut-offs, the champion's columns, weights or trees and
// calibration, and every indicator's bins.
MATCH (r:AnalyticsRun {id: $run})
OPTIONAL MATCH (r)-[:TRAINED]->(m:CreditModelFigures {champion: true})
RETURN r.creditCutoffs AS cutoffs, m {.*} AS model,
       COLLECT { MATCH (r)-[:BINNED]->(i:CreditIndicatorFigures) RETURN i {.*} ORDER BY i.ordinal } AS indicators
