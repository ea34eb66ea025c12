// One IN_SEGMENT per customer and dimension, under the run's id (readers only see it once the run is published).
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
UNWIND row.memberships AS m
MATCH (s:Segment {dimension: m.dimension, level: m.level})
CREATE (c)-[:IN_SEGMENT {run: $run, distance: m.distance}]->(s)
