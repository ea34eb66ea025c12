// One RATED per customer under the run's id; the raw indicator values are kept for what-if questions, and flagged
// says the run published the rating although its drift gate fired.
UNWIND $rows AS row
MATCH (c:Customer {id: row.id})
MATCH (g:CreditGrade {grade: row.grade})
CREATE (c)-[:RATED {run: $run, score: row.score, pd: row.pd, reasons: row.reasons, indicators: row.indicators,
                    flagged: row.flagged}]->(g)
