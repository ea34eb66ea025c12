// Share of reached dunning contacts followed by a payment of the same customer within 48 hours, by method and round.
MATCH (c:Customer)-[:RECEIVED]->(d:DunningContact {reached: true})
OPTIONAL MATCH (c)-[:PAID]->(p:Payment)
WHERE p.paidAt >= d.contactedAt AND p.paidAt <= d.contactedAt + duration({hours: 48})
WITH d, count(p) > 0 AS paidWithin48h
RETURN d.method AS method, d.round AS round, count(d) AS contacts,
       round(100.0 * count(CASE WHEN paidWithin48h THEN 1 END) / count(d), 1) AS percentPaidWithin48h
ORDER BY method, round;
