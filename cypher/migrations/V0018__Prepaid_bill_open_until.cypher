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
  WITH COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b } AS bills,
       COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p ORDER BY p.paidAt } AS topUps
  WITH bills, [p IN topUps | p.paidAt] AS times,
       reduce(sums = [], p IN topUps | sums + [coalesce(sums[-1], 0.0) + p.amount]) AS covered
  UNWIND bills AS b
  WITH b, times, covered, reduce(s = 0.0, y IN [x IN bills WHERE x.issuedOn <= b.issuedOn] | s + y.amount) AS due
  SET b.openUntil = CASE WHEN b.amount <= 0.005 THEN localdatetime({date: b.issuedOn})
                         ELSE coalesce([i IN range(0, size(times) - 1) WHERE covered[i] >= due - 0.005 | times[i]][0],
                                       localdatetime('9999-12-31T00:00')) END
} IN TRANSACTIONS OF 1000 ROWS;
