// For a batch of the customers other-customers.cypher found, less those with open bills (who come with their
// tags from open-bills.cypher): their tags in the published run, and where a rule of the plan uses them
// (CollectionPlanner.usesAverage: prepaid, or a tag in $averageTags) the customer's bills and top-ups as dated amounts,
// for the mean of the last 12 periods and a prepaid customer's balance on D (Ledger computes both). A prepaid
// customer's come from its :PrepaidLedger, one node the imports keep (PrepaidOpenUntil), instead of its whole history
// (issue J); without one (a store imported before it, or a payments batch whose computation was lost) from its bills
// and top-ups. A postpaid customer without such a tag has no bills read at all.
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WITH c, c.paymentMode = 'PREPAID' AS prepaid,
     COLLECT { MATCH (c)-[h:HAS_TAG]->(t:Tag) WHERE coalesce(h.run, '') = $runId RETURN t.code } AS tags
WITH c, prepaid, tags,
     CASE WHEN prepaid THEN COLLECT { MATCH (c)-[:HAS_LEDGER]->(l:PrepaidLedger) RETURN l } END AS ledgers
WITH c, prepaid, tags, ledgers[0] AS ledger,
     CASE WHEN (prepaid AND size(ledgers) = 0) OR (NOT prepaid AND any(t IN tags WHERE t IN $averageTags))
          THEN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b }
          ELSE [] END AS bills,
     CASE WHEN prepaid AND size(ledgers) = 0
          THEN COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p }
          ELSE [] END AS topUps
RETURN c.id AS id,
       prepaid,
       tags,
       CASE WHEN ledger IS NULL THEN [b IN bills | b.issuedOn] ELSE coalesce(ledger.billsIssuedOn, []) END AS billsIssuedOn,
       CASE WHEN ledger IS NULL THEN [b IN bills | b.period] ELSE coalesce(ledger.billsPeriod, []) END AS billsPeriod,
       CASE WHEN ledger IS NULL THEN [b IN bills | b.amount] ELSE coalesce(ledger.billsAmount, []) END AS billsAmount,
       CASE WHEN ledger IS NULL THEN [p IN topUps | p.paidAt] ELSE coalesce(ledger.topUpsAt, []) END AS topUpsAt,
       CASE WHEN ledger IS NULL THEN [p IN topUps | p.amount] ELSE coalesce(ledger.topUpsAmount, []) END AS topUpsAmount
