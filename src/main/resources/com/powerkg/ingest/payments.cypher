UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (p:Payment {id: row.payment_id})
SET p.paidAt = row.paid_at,
    p.amount = row.amount,
    p.channel = row.channel,
    p.kind = row.kind,
    p.billId = row.bill_id
WITH c, p, row
// a re-import may correct the customer or bill of a payment: links that no longer hold go (its channel: payments-links),
// and the bills it no longer settles are returned, for their openUntil (bill-open-until.cypher), with the customer it
// belongs to now and the one it belonged to before, for their prepaid bills' (prepaid-open-until.cypher).
// Every bill a payment touches is marked open (9999-12-31) in this transaction: the exact time is computed once the
// batch committed (CsvImporter), and should that not happen (a failure, a crash), a bill read as open too long only
// costs the plan a look at it, while one read as paid too early would drop an unpaid bill from plans.
CALL (c, p, row) {
  OPTIONAL MATCH (other)-[r:PAID|SETTLES]-(p)
  WHERE (type(r) = 'PAID' AND other <> c)
     OR (type(r) = 'SETTLES' AND (row.bill_id IS NULL OR other.id <> row.bill_id))
  WITH r, other, CASE type(r) WHEN 'SETTLES' THEN other.id END AS unlinked, CASE type(r) WHEN 'PAID' THEN other.id END AS movedFrom
  FOREACH (bill IN CASE WHEN unlinked IS NULL THEN [] ELSE [other] END | SET bill.openUntil = localdatetime('9999-12-31T00:00'))
  DELETE r
  RETURN collect(unlinked) AS unlinked, collect(movedFrom) AS movedFrom
}
MERGE (c)-[:PAID]->(p)
WITH c, p, row, unlinked, movedFrom
CALL (p, row) {
  MATCH (b:Bill {id: row.bill_id})
  MERGE (p)-[:SETTLES]->(b)
  SET b.openUntil = localdatetime('9999-12-31T00:00')
}
RETURN unlinked AS billIds, [c.id] + movedFrom AS customerIds
