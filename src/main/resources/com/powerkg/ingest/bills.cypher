UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (b:Bill {id: row.bill_id})
SET b.period = row.period,
    b.issuedOn = row.issued_on,
    b.dueOn = row.due_on,
    b.amount = row.amount,
    b.anomaly = row.anomaly
MERGE (c)-[:BILLED]->(b)
