// Rows whose customer is not in the graph (neither imported before nor in this import's customers.csv).
UNWIND $rows AS row
WITH row
WHERE NOT EXISTS { MATCH (:Customer {id: row.customer_id}) }
RETURN row.line AS line, 'customer_id' AS column, 'unknown customer ' + row.customer_id AS reason
