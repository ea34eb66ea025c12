UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (p:Payment {id: row.payment_id})
SET p.paidAt = row.paid_at,
    p.amount = row.amount,
    p.channel = row.channel,
    p.kind = row.kind,
    p.billId = row.bill_id
WITH c, p, row
// a re-import may correct the customer or bill of a payment: links that no longer hold go (its channel: payments-links)
CALL (c, p, row) {
  MATCH (other)-[r:PAID|SETTLES]-(p)
  WHERE (type(r) = 'PAID' AND other <> c)
     OR (type(r) = 'SETTLES' AND (row.bill_id IS NULL OR other.id <> row.bill_id))
  DELETE r
}
MERGE (c)-[:PAID]->(p)
WITH p, row
WHERE row.bill_id IS NOT NULL
MATCH (b:Bill {id: row.bill_id})
MERGE (p)-[:SETTLES]->(b)
