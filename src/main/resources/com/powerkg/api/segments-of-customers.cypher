// Segment memberships of many customers in the request's published run (one round-trip for a page).
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[m:IN_SEGMENT]->(s:Segment)
WHERE m.run = $runId
RETURN c.id AS customerId,
       collect({dimension: s.dimension, level: s.level, nameZh: s.nameZh, distance: m.distance}) AS segments
