// The channel mix of a batch of customers under the run's id (portrait: Customer.channels).
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
UNWIND row.channels AS usage
MATCH (ch:Channel {code: usage.channel})
CREATE (c)-[:USED_CHANNEL {run: $run, payments: usage.payments, lastUsedAt: usage.lastUsedAt}]->(ch)
