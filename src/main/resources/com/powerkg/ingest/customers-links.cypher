// The links of a batch of customers to the shared Region and Industry nodes, written by the one links writer after
// the customers' own batch committed: shared nodes are only ever changed by one transaction at a time, so two writers
// never deadlock on them.
UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
// a re-import may move a customer to another grid cell or industry: drop links that no longer hold
CALL (c, row) {
  MATCH (c)-[r:IN_REGION|IN_INDUSTRY]->(x)
  WHERE (type(r) = 'IN_REGION' AND (row.region IS NULL OR x.code <> row.region))
     OR (type(r) = 'IN_INDUSTRY' AND (row.industry_code IS NULL OR x.code <> row.industry_code))
  DELETE r
}
CALL (c, row) {
  WITH c, row WHERE row.region IS NOT NULL
  MERGE (g:Region {code: row.region})
  MERGE (c)-[:IN_REGION]->(g)
}
CALL (c, row) {
  WITH c, row WHERE row.industry_code IS NOT NULL
  MERGE (i:Industry {code: row.industry_code})
  MERGE (c)-[:IN_INDUSTRY]->(i)
}
