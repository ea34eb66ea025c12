UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (u:Consumption {key: row.customer_id + '|' + row.month})
SET u.customerId = row.customer_id,
    u.month = row.month,
    u.kwh = row.kwh,
    u.peakKwh = row.peak_kwh,
    u.flatKwh = row.flat_kwh,
    u.valleyKwh = row.valley_kwh
MERGE (c)-[:CONSUMED]->(u)
