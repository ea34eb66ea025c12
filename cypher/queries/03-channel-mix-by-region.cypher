// Payment channel mix per grid cell: where do customers still queue at the counter?
MATCH (r:Region)<-[:IN_REGION]-(:Customer)-[:PAID]->(p:Payment)-[:VIA]->(ch:Channel)
WITH r.code AS region, ch.nameZh + ' ' + ch.code AS channel, count(p) AS payments
WITH region, collect({channel: channel, payments: payments}) AS mix, sum(payments) AS total
UNWIND mix AS m
RETURN region, m.channel AS channel, m.payments AS payments, round(100.0 * m.payments / total, 1) AS percent
ORDER BY region, payments DESC;
