// Labelled customers: credit outcomes whose window (the $windowMonths months after observed_on) has ended by D, so
// the label was known on D and the model never learns from what happened after it.
MATCH (c:Customer)-[:HAS_OUTCOME]->(o:CreditOutcome)
WHERE o.observedOn + duration({months: $windowMonths}) <= $asOf + duration({days: 1})
RETURN c.id AS id, o.observedOn AS observedOn, o.defaulted AS defaulted
ORDER BY observedOn, id
