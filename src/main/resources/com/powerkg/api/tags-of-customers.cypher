// Tags of many customers from the published run, in taxonomy order (one round-trip for a page of customers).
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
WITH run
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[h:HAS_TAG]->(t:Tag)
WHERE h.run = run.id
WITH c, h, t ORDER BY t.ordinal
RETURN c.id AS customerId,
       collect({code: t.code, nameZh: t.nameZh, evidence: h.evidence, explanation: h.explanation, asOf: h.asOf, run: h.run}) AS tags
