// Postpaid bills open on D, grouped by customer: issued by D and due at most 12 months before D (older arrears are for
// the arrears and legal process, not for dunning rounds), with what is still unpaid and the dunning contacts made
// about each (a round counts as made only when its contact reached the customer). Unpaid on D: its payments had not
// covered it by the end of D (openUntil, bill-open-until.cypher), an index range over the bills still open or paid
// since, not every bill of the year; what is still unpaid is then summed from the payments made by then.
// With each customer, what customer-details.cypher reads for the others: the tags in the published run and, where a
// rule uses their mean (a tag in $averageTags), the customer's bills as dated amounts (Ledger takes the mean). Read here, from the
// customer the bills reached, rather than looked up again by id in batches: at 1M the second look-up of 300k customers
// was most of a plan's time (issue J). coalesce(h.run, '') = $runId: see customer-details.cypher.
MATCH (b:Bill)
USING INDEX b:Bill(openUntil)
WHERE b.openUntil >= $until AND b.dueOn >= $from AND b.issuedOn <= $asOf AND b.amount > 0.005
MATCH (c:Customer)-[:BILLED]->(b)
WHERE c.paymentMode = 'POSTPAID'
WITH c, b, reduce(paid = 0.0, p IN [p IN COLLECT { MATCH (b)<-[:SETTLES]-(p:Payment) RETURN p } WHERE p.paidAt < $until] | paid + p.amount) AS paid
WHERE paid < b.amount - 0.005
WITH c, collect([b.id, b.dueOn, b.amount - paid,
                 [d IN COLLECT { MATCH (b)<-[:CONCERNS]-(d:DunningContact) RETURN d } WHERE d.contactedAt < $until |
                  [d.round, d.method, d.reached]]]) AS bills
WITH c, bills, COLLECT { MATCH (c)-[h:HAS_TAG]->(t:Tag) WHERE coalesce(h.run, '') = $runId RETURN t.code } AS tags
WITH c, bills, tags,
     CASE WHEN any(t IN tags WHERE t IN $averageTags) THEN COLLECT { MATCH (c)-[:BILLED]->(x:Bill) RETURN x } ELSE [] END AS billed
RETURN c.id AS customerId,
       bills,
       tags,
       [x IN billed | x.issuedOn] AS billsIssuedOn,
       [x IN billed | x.period] AS billsPeriod,
       [x IN billed | x.amount] AS billsAmount
