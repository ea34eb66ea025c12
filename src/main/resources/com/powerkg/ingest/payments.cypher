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
// and the bills it no longer settles are returned, for their openUntil (bill-open-until.cypher)
CALL (c, p, row) {
  OPTIONAL MATCH (other)-[r:PAID|SETTLES]-(p)
  WHERE (type(r) = 'PAID' AND other <> c)
     OR (type(r) = 'SETTLES' AND (row.bill_id IS NULL OR other.id <> row.bill_id))
  WITH r, CASE type(r) WHEN 'SETTLES' THEN other.id END AS unlinked
  DELETE r
  RETURN collect(unlinked) AS unlinked
}
MERGE (c)-[:PAID]->(p)
WITH p, row, unlinked
CALL (p, row) {
  MATCH (b:Bill {id: row.bill_id})
  MERGE (p)-[:SETTLES]->(b)
}
UNWIND unlinked AS billId
RETURN DISTINCT billId
