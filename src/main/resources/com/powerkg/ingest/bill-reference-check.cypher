// Payments and dunning contacts: known customer, and a named bill must exist and belong to that customer.
UNWIND $rows AS row
OPTIONAL MATCH (c:Customer {id: row.customer_id})
OPTIONAL MATCH (b:Bill {id: row.bill_id})
WITH row, c, b
OPTIONAL MATCH (owner:Customer)-[:BILLED]->(b)
WITH row, c, b, owner
WHERE c IS NULL OR (row.bill_id IS NOT NULL AND (b IS NULL OR owner.id <> row.customer_id))
RETURN row.line AS line,
       CASE WHEN c IS NULL THEN 'customer_id' ELSE 'bill_id' END AS column,
       CASE WHEN c IS NULL THEN 'unknown customer ' + row.customer_id
            WHEN b IS NULL THEN 'unknown bill ' + row.bill_id
            ELSE 'bill ' + row.bill_id + ' belongs to customer ' + owner.id + ', not ' + row.customer_id END AS reason
