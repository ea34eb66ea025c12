// A batch of work orders' links to the shared Channel nodes, written by the one links writer (see customers-links.cypher).
UNWIND $rows AS row
MATCH (w:WorkOrder {id: row.order_id})
MATCH (ch:Channel {code: row.channel})
CALL (w, ch) {
  MATCH (w)-[r:VIA]->(other)
  WHERE other <> ch
  DELETE r
}
MERGE (w)-[:VIA]->(ch)
