// What the tag rules need of a batch of customers, in one round-trip: bills issued in the window (with the
// payments that settle them, up to D), payments in the window, and every dunning contact up to D (stated
// preferences do not expire).
// The subqueries only expand from the customer or bill and filter the collected lists afterwards: a date
// predicate inside them can be planned as a range seek over the whole Payment.paidAt / contactedAt index, which
// right after a bulk import (stale statistics) turns a 3-second run into an hours-long one.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WITH c,
     [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b } WHERE b.issuedOn >= $from AND b.issuedOn <= $asOf] AS bills,
     [p IN COLLECT { MATCH (c)-[:PAID]->(p:Payment) RETURN p } WHERE p.paidAt >= $fromTime AND p.paidAt < $until] AS payments,
     [d IN COLLECT { MATCH (c)-[:RECEIVED]->(d:DunningContact) RETURN d } WHERE d.contactedAt < $until] AS contacts
RETURN c.id AS id,
       c.paymentMode = 'PREPAID' AS prepaid,
       [b IN bills | {id: b.id, period: b.period, issuedOn: b.issuedOn, dueOn: b.dueOn, amount: b.amount, anomaly: b.anomaly,
                      payments: [p IN COLLECT { MATCH (b)<-[:SETTLES]-(p:Payment) RETURN p } WHERE p.paidAt < $until |
                                 {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}]}] AS bills,
       [p IN payments | {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}] AS payments,
       [d IN contacts | {id: d.id, contactedAt: d.contactedAt, round: d.round, method: d.method, reached: d.reached,
                         response: d.response}] AS contacts
