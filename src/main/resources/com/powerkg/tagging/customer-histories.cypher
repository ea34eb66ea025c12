// What the tag rules need of a batch of customers, in one round-trip: bills issued in the window (with the
// payments that settle them, up to D), payments in the window, and every dunning contact up to D (stated
// preferences do not expire).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
RETURN c.id AS id,
       c.paymentMode = 'PREPAID' AS prepaid,
       COLLECT {
         MATCH (c)-[:BILLED]->(b:Bill)
         WHERE b.issuedOn >= $from AND b.issuedOn <= $asOf
         RETURN {id: b.id, period: b.period, issuedOn: b.issuedOn, dueOn: b.dueOn, amount: b.amount, anomaly: b.anomaly,
                 payments: COLLECT {
                   MATCH (b)<-[:SETTLES]-(p:Payment)
                   WHERE p.paidAt < $until
                   RETURN {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}
                 }}
       } AS bills,
       COLLECT {
         MATCH (c)-[:PAID]->(p:Payment)
         WHERE p.paidAt >= $fromTime AND p.paidAt < $until
         RETURN {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}
       } AS payments,
       COLLECT {
         MATCH (c)-[:RECEIVED]->(d:DunningContact)
         WHERE d.contactedAt < $until
         RETURN {id: d.id, contactedAt: d.contactedAt, round: d.round, method: d.method, reached: d.reached, response: d.response}
       } AS contacts
