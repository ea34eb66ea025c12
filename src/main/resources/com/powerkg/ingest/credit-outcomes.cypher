UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (o:CreditOutcome {key: row.customer_id + '|' + toString(row.observed_on)})
SET o.customerId = row.customer_id,
    o.observedOn = row.observed_on,
    o.defaulted = row.defaulted
MERGE (c)-[:HAS_OUTCOME]->(o)
