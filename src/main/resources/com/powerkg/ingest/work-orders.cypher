UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (w:WorkOrder {id: row.order_id})
SET w.createdAt = row.created_at,
    w.type = row.type,
    w.topic = row.topic,
    w.channel = row.channel
WITH c, w
// a re-import may correct the customer of a work order: a link that no longer holds goes (its channel: work-orders-links)
CALL (c, w) {
  MATCH (other)-[r:RAISED]->(w)
  WHERE other <> c
  DELETE r
}
MERGE (c)-[:RAISED]->(w)
