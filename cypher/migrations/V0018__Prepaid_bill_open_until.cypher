// A prepaid bill's openUntil (src/main/resources/com/powerkg/ingest/prepaid-open-until.cypher, the same rule): when the
// customer's top-ups, in the order they were made, first covered every bill issued up to the bill's issue day, to the
// cent. Before this, a prepaid bill had the postpaid rule, and as top-ups settle no bill it stayed open (9999-12-31)
// for ever: nine in ten of the bills the open-bills range read were prepaid ones the plan then dropped, and a prepaid
// customer's balance on a day had to be summed from the whole history. Now the range finds the prepaid customers short
// of a cent or more on a day too (other-customers.cypher). Computed again: every prepaid customer with a bill the old
// rule gave a time that the new one may not (a bill still open, or one settled by a payment of its own); that is
// nearly every prepaid customer of an older store, and after a bulk load (which writes the new rule) those short now.
CALL () {
  MATCH (b:Bill)
  WHERE b.openUntil = localdatetime('9999-12-31T00:00')
  MATCH (c:Customer)-[:BILLED]->(b)
  WHERE c.paymentMode = 'PREPAID'
  RETURN c
  UNION
  MATCH (c:Customer)-[:BILLED]->(:Bill)<-[:SETTLES]-(:Payment)
  WHERE c.paymentMode = 'PREPAID'
  RETURN c
}
WITH DISTINCT c
CALL (c) {
  // each bill's properties read once; the bills in issue order, the top-ups in the order they were made
  WITH [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b ORDER BY b.issuedOn } |
        {bill: b, day: b.issuedOn, amount: b.amount, was: b.openUntil}] AS bills,
       COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p ORDER BY p.paidAt } AS topUps
  WITH bills, [p IN topUps | p.paidAt] AS times,
       reduce(sums = [], p IN topUps | sums + [coalesce(sums[-1], 0.0) + p.amount]) AS covered,
       reduce(sums = [], b IN bills | sums + [coalesce(sums[-1], 0.0) + b.amount]) AS billed
  // what is due by each bill's day: the running sum up to the last bill of that day
  WITH bills, times, covered,
       reduce(due = [], j IN reverse(range(0, size(bills) - 1)) |
              CASE WHEN j = size(bills) - 1 OR bills[j + 1].day <> bills[j].day THEN [billed[j]] ELSE [due[0]] END + due) AS due
  UNWIND range(0, size(bills) - 1) AS i
  WITH bills[i] AS b,
       CASE WHEN bills[i].amount <= 0.005 THEN localdatetime({date: bills[i].day})
            ELSE coalesce([k IN range(0, size(times) - 1) WHERE covered[k] >= due[i] - 0.005 | times[k]][0],
                          localdatetime('9999-12-31T00:00')) END AS openUntil
  // written only when it changes: a month's new bill leaves the earlier ones as they were
  WITH b, openUntil
  WHERE b.was IS NULL OR b.was <> openUntil
  WITH b.bill AS bill, openUntil
  SET bill.openUntil = openUntil
} IN TRANSACTIONS OF 1000 ROWS;
