// Tags of many customers from the request's published run, in taxonomy order (one round-trip for a page).
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[h:HAS_TAG]->(t:Tag)
WHERE h.run = $runId
WITH c, h, t ORDER BY t.ordinal
RETURN c.id AS customerId,
       collect({code: t.code, nameZh: t.nameZh, evidence: h.evidence, explanation: h.explanation, asOf: h.asOf, run: h.run}) AS tags
