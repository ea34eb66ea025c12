// Credit ratings of many customers from the ratings run the request's published run serves (one round-trip).
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[r:RATED]->(g:CreditGrade)
WHERE r.run = $runId
RETURN c.id AS customerId, g.grade AS grade, g.nameZh AS nameZh, r.score AS score, r.pd AS pd, r.reasons AS reasons, r.run AS run
