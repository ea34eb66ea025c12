UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (d:DunningContact {id: row.contact_id})
SET d.contactedAt = row.contacted_at,
    d.round = row.round,
    d.method = row.method,
    d.reached = row.reached,
    d.response = row.response,
    d.billId = row.bill_id
WITH c, d, row
// a re-import may correct the customer or bill of a contact: links that no longer hold go
CALL (c, d, row) {
  MATCH (other)-[r:RECEIVED|CONCERNS]-(d)
  WHERE (type(r) = 'RECEIVED' AND other <> c)
     OR (type(r) = 'CONCERNS' AND (row.bill_id IS NULL OR other.id <> row.bill_id))
  DELETE r
}
MERGE (c)-[:RECEIVED]->(d)
WITH d, row
WHERE row.bill_id IS NOT NULL
MATCH (b:Bill {id: row.bill_id})
MERGE (d)-[:CONCERNS]->(b)
