// A bill must belong to a known customer, and a bill id already imported for another customer is a conflict.
// The bill is looked up by its key first and expanded from there: written as one pattern, the planner may start
// from the customers side when statistics are stale during a bulk import, which gets slower with every batch.
UNWIND $rows AS row
OPTIONAL MATCH (c:Customer {id: row.customer_id})
OPTIONAL MATCH (b:Bill {id: row.bill_id})
WITH row, c, b
OPTIONAL MATCH (owner:Customer)-[:BILLED]->(b)
WITH row, c, owner
WHERE c IS NULL OR (owner IS NOT NULL AND owner.id <> row.customer_id)
RETURN row.line AS line,
       CASE WHEN c IS NULL THEN 'customer_id' ELSE 'bill_id' END AS column,
       CASE WHEN c IS NULL THEN 'unknown customer ' + row.customer_id
            ELSE 'bill ' + row.bill_id + ' already belongs to customer ' + owner.id END AS reason
