// A batch of payments' links to the shared Channel nodes, written by the one links writer after the payments' own batch
// committed (see customers-links.cypher).
UNWIND $rows AS row
MATCH (p:Payment {id: row.payment_id})
MATCH (ch:Channel {code: row.channel})
CALL (p, ch) {
  MATCH (p)-[r:VIA]->(other)
  WHERE other <> ch
  DELETE r
}
MERGE (p)-[:VIA]->(ch)
