// Raw indicator values kept on the ratings of one customer, or of every customer in a segment of the published run.
MATCH (c:Customer)-[r:RATED]->(:CreditGrade)
WHERE r.run = $creditRun
  AND ($customerId IS NULL OR c.id = $customerId)
  AND ($dimension IS NULL OR EXISTS {
        MATCH (c)-[m:IN_SEGMENT]->(:Segment {dimension: $dimension, level: $level}) WHERE m.run = $runId })
RETURN r.indicators AS indicators
