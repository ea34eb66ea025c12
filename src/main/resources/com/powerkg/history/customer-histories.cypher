// The whole history of a batch of customers up to the as-of date, in one round-trip: master data, bills, payments
// (with the bill each settles), dunning contacts (with the bill each concerns), consumption, work orders and credit
// outcomes. A payment's and a contact's bill is the billId the import stores on them; data imported before it did
// are looked up through SETTLES / CONCERNS. Rows are lists, not maps, to keep what crosses Bolt small; customer-histories are read by HistoryReader.
// Subqueries only expand from the customer; dates are filtered on the collected lists (a date predicate inside a
// subquery may be planned as an index range seek over every customer's rows when statistics are stale).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
RETURN c.id AS id,
       [c.usageCategory, c.importance, c.voltageKv, c.contractCapacityKva, c.industryCode, c.region,
        c.paymentMode = 'PREPAID', c.assetLiabilityRatio, c.currentRatio, c.returnOnNetAssets, c.loanOnTimeRate,
        c.reactiveCompensation, c.calibrationOnSchedule, c.equipmentAccidents, c.socialCredit] AS profile,
       [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b } WHERE b.issuedOn <= $asOf |
        [b.id, b.period, b.issuedOn, b.dueOn, b.amount, b.anomaly]] AS bills,
       [p IN COLLECT { MATCH (c)-[:PAID]->(p:Payment) RETURN p } WHERE p.paidAt < $until |
        [p.id, p.paidAt, p.amount, p.channel, p.kind,
         CASE WHEN p.billId IS NOT NULL OR p.kind = 'TOPUP' THEN p.billId
              ELSE head(COLLECT { MATCH (p)-[:SETTLES]->(b:Bill) RETURN b.id }) END]] AS payments,
       [d IN COLLECT { MATCH (c)-[:RECEIVED]->(d:DunningContact) RETURN d } WHERE d.contactedAt < $until |
        [d.id, d.contactedAt, d.round, d.method, d.reached, d.response,
         CASE WHEN d.billId IS NOT NULL THEN d.billId
              ELSE head(COLLECT { MATCH (d)-[:CONCERNS]->(b:Bill) RETURN b.id }) END]] AS contacts,
       [u IN COLLECT { MATCH (c)-[:CONSUMED]->(u:Consumption) RETURN u } WHERE u.month <= $month | [u.month, u.kwh, u.peakKwh]] AS usage,
       [w IN COLLECT { MATCH (c)-[:RAISED]->(w:WorkOrder) RETURN w } WHERE w.createdAt < $until |
        [w.createdAt, w.type, w.topic, w.channel]] AS orders,
       [o IN COLLECT { MATCH (c)-[:HAS_OUTCOME]->(o:CreditOutcome) RETURN o } | [o.observedOn, o.defaulted]] AS outcomes
