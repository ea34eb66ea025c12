// Tags of one batch, written under the run's id; readers only see them once the run is published.
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
MATCH (t:Tag {code: row.code})
CREATE (c)-[:HAS_TAG {run: $run, asOf: $asOf, evidence: row.evidence, explanation: row.explanation}]->(t)
