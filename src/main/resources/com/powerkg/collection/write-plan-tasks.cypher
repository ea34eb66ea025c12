// A batch of the run's collection plan: one CollectionTask per task, ranked, for the customer it is about.
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
CREATE (t:CollectionTask {run: $run, date: $date, rank: row.rank, customerId: row.customerId, region: c.region,
                          kind: row.kind, round: row.round, method: row.method, advice: row.advice, rules: row.rules,
                          bills: row.bills, dueAmount: row.dueAmount, group: row.group})-[:FOR]->(c)
