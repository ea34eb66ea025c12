// What the value features need of a batch of customers, in one round-trip (see CustomerFacts): master data, bills
// of the 12 periods up to $lastPeriod issued by D with their payments up to D, payments and dunning contacts of the
// 12 months up to D, consumption of the 36 months up to $lastPeriod, the work orders of the 12 months (all, and
// complaints about power quality, outages or billing) and the enterprise columns.
// As in the tag stage, subqueries only expand from the customer or bill; dates are filtered on the collected lists
// (a date predicate inside a subquery may be planned as an index range seek over every customer's rows).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WITH c,
     [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b }
        WHERE b.period >= $firstPeriod AND b.period <= $lastPeriod AND b.issuedOn <= $asOf] AS bills,
     [p IN COLLECT { MATCH (c)-[:PAID]->(p:Payment) RETURN p } WHERE p.paidAt >= $fromTime AND p.paidAt < $until] AS payments,
     [d IN COLLECT { MATCH (c)-[:RECEIVED]->(d:DunningContact) RETURN d } WHERE d.contactedAt >= $fromTime AND d.contactedAt < $until] AS contacts,
     [u IN COLLECT { MATCH (c)-[:CONSUMED]->(u:Consumption) RETURN u }
        WHERE u.month >= $firstUsageMonth AND u.month <= $lastPeriod] AS usage,
     [w IN COLLECT { MATCH (c)-[:RAISED]->(w:WorkOrder) RETURN w } WHERE w.createdAt >= $fromTime AND w.createdAt < $until] AS orders
RETURN c.id AS id,
       c.usageCategory AS usageCategory,
       c.importance AS importance,
       c.voltageKv AS voltageKv,
       c.contractCapacityKva AS contractCapacityKva,
       c.industryCode AS industryCode,
       c.region AS region,
       c.paymentMode = 'PREPAID' AS prepaid,
       [b IN bills | {id: b.id, period: b.period, issuedOn: b.issuedOn, dueOn: b.dueOn, amount: b.amount, anomaly: b.anomaly,
                      payments: [p IN COLLECT { MATCH (b)<-[:SETTLES]-(p:Payment) RETURN p } WHERE p.paidAt < $until |
                                 {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}]}] AS bills,
       [p IN payments | {id: p.id, paidAt: p.paidAt, amount: p.amount, channel: p.channel, kind: p.kind}] AS payments,
       [d IN contacts | {id: d.id, contactedAt: d.contactedAt, round: d.round, method: d.method, reached: d.reached,
                         response: d.response}] AS contacts,
       [u IN usage | {month: u.month, kwh: u.kwh, peakKwh: u.peakKwh}] AS usage,
       size(orders) AS workOrders,
       size([w IN orders WHERE w.type = 'COMPLAINT' AND w.topic IN ['POWER_QUALITY', 'OUTAGE', 'BILLING']]) AS qualityComplaints,
       c {.assetLiabilityRatio, .currentRatio, .returnOnNetAssets, .loanOnTimeRate, .reactiveCompensation,
          .calibrationOnSchedule, .equipmentAccidents, .socialCredit} AS enterprise
