UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MATCH (ch:Channel {code: row.channel})
MERGE (w:WorkOrder {id: row.order_id})
SET w.createdAt = row.created_at,
    w.type = row.type,
    w.topic = row.topic,
    w.channel = row.channel
WITH c, ch, w
// a re-import may correct the customer or channel of a work order: links that no longer hold go
CALL (c, ch, w) {
  MATCH (other)-[r:RAISED|VIA]-(w)
  WHERE (type(r) = 'RAISED' AND other <> c) OR (type(r) = 'VIA' AND other <> ch)
  DELETE r
}
MERGE (c)-[:RAISED]->(w)
MERGE (w)-[:VIA]->(ch)
