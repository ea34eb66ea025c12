UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MATCH (ch:Channel {code: row.channel})
MERGE (w:WorkOrder {id: row.order_id})
SET w.createdAt = row.created_at,
    w.type = row.type,
    w.topic = row.topic,
    w.channel = row.channel
MERGE (c)-[:RAISED]->(w)
MERGE (w)-[:VIA]->(ch)
