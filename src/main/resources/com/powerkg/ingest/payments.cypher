UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MATCH (ch:Channel {code: row.channel})
MERGE (p:Payment {id: row.payment_id})
SET p.paidAt = row.paid_at,
    p.amount = row.amount,
    p.channel = row.channel,
    p.kind = row.kind
MERGE (c)-[:PAID]->(p)
MERGE (p)-[:VIA]->(ch)
WITH p, row
WHERE row.bill_id IS NOT NULL
MATCH (b:Bill {id: row.bill_id})
MERGE (p)-[:SETTLES]->(b)
