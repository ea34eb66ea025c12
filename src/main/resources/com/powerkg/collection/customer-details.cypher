// For a batch of the customers other-customers.cypher found, less those with open bills (who come with their
// tags from open-bills.cypher): their tags in the published run, and where a rule of the plan uses them
// (CollectionPlanner.usesAverage: prepaid, or a tag in $averageTags) the positive bill amounts of the last 12 periods
// for the mean; for prepaid customers the balance estimated from the history (top-ups up to D minus bills issued by
// D). A postpaid customer without such a tag has no bills read at all (issue J).
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WITH c, c.paymentMode = 'PREPAID' AS prepaid,
     COLLECT { MATCH (c)-[h:HAS_TAG]->(t:Tag) WHERE coalesce(h.run, '') = $runId RETURN t.code } AS tags
WITH c, prepaid, tags,
     CASE WHEN prepaid OR any(t IN tags WHERE t IN $averageTags)
          THEN [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b } WHERE b.issuedOn <= $asOf]
          ELSE [] END AS bills
RETURN c.id AS id,
       prepaid,
       tags,
       [b IN bills WHERE b.period >= $firstPeriod AND b.period <= $lastPeriod AND b.amount > 0 | b.amount] AS recentAmounts,
       CASE WHEN prepaid
            THEN reduce(s = 0.0, p IN [p IN COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p } WHERE p.paidAt < $until] | s + p.amount)
                 - reduce(s = 0.0, b IN bills | s + b.amount)
       END AS balance
