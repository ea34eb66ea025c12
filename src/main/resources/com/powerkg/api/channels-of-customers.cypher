// Payment channels of many customers at once (one round-trip for a whole page of customers).
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[:PAID]->(p:Payment)-[:VIA]->(ch:Channel)
WITH c.id AS customerId, ch, count(p) AS payments, max(p.paidAt) AS lastUsedAt
ORDER BY customerId, payments DESC, ch.code
RETURN customerId, collect({channel: ch.code, nameZh: ch.nameZh, payments: payments, lastUsedAt: lastUsedAt}) AS channels
