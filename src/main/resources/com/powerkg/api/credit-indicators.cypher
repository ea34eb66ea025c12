// Raw indicator values kept on the ratings of one customer, or of every customer in a segment of the published run.
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
MATCH (c:Customer)-[r:RATED]->(:CreditGrade)
WHERE r.run = $creditRun
  AND ($customerId IS NULL OR c.id = $customerId)
  AND ($dimension IS NULL OR EXISTS {
        MATCH (c)-[m:IN_SEGMENT]->(:Segment {dimension: $dimension, level: $level}) WHERE coalesce(m.run, '') = $runId })
RETURN r.indicators AS indicators
