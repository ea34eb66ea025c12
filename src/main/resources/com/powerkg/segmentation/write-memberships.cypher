// One IN_SEGMENT per customer and dimension, under the run's id (readers only see it once the run is published).
// distance: to the centre of the customer's cluster; absent when it was not clustered, then reason says why
// (Exclusion.Reason). capped: the features whose value was beyond a winsorising limit; absent when none was.
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
UNWIND row.memberships AS m
MATCH (s:Segment {dimension: m.dimension, level: m.level})
CREATE (c)-[:IN_SEGMENT {run: $run, distance: m.distance, reason: m.reason, capped: m.capped}]->(s)
