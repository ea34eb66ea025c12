UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (d:DunningContact {id: row.contact_id})
SET d.contactedAt = row.contacted_at,
    d.round = row.round,
    d.method = row.method,
    d.reached = row.reached,
    d.response = row.response
MERGE (c)-[:RECEIVED]->(d)
WITH d, row
WHERE row.bill_id IS NOT NULL
MATCH (b:Bill {id: row.bill_id})
MERGE (d)-[:CONCERNS]->(b)
