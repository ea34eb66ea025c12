// Raw indicator values kept on the ratings of one customer, or of every customer in a segment of the published run.
// One customer: its id index, then its ratings (a single `$customerId IS NULL OR c.id = $customerId` read every rating
// of the run to find one customer's). A segment: the run's ratings through their run index, kept when the customer is
// in the segment.
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
CALL () {
  WITH $customerId AS id WHERE id IS NOT NULL
  MATCH (c:Customer {id: id})-[r:RATED]->(:CreditGrade)
  WHERE coalesce(r.run, '') = $creditRun
  RETURN r
  UNION ALL
  WITH $customerId AS id WHERE id IS NULL
  MATCH (c:Customer)-[r:RATED]->(:CreditGrade)
  WHERE r.run = $creditRun
    AND ($dimension IS NULL OR EXISTS {
          MATCH (c)-[m:IN_SEGMENT]->(:Segment {dimension: $dimension, level: $level}) WHERE coalesce(m.run, '') = $runId })
  RETURN r
}
RETURN r.indicators AS indicators
