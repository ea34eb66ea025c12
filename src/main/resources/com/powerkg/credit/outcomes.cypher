// Labelled customers: every credit outcome observed by D (the model must not learn from the future).
MATCH (c:Customer)-[:HAS_OUTCOME]->(o:CreditOutcome)
WHERE o.observedOn <= $asOf
RETURN c.id AS id, o.observedOn AS observedOn, o.defaulted AS defaulted
ORDER BY observedOn, id
