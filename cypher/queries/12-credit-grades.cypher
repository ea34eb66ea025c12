// Customers per credit grade in the ratings the published run serves: its own, or an earlier run's when its credit
// model did not replace them (run.creditRun, docs/credit-rating.md).
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (g:CreditGrade)
RETURN g.grade AS grade, g.nameZh AS name,
       COUNT { (:Customer)-[r:RATED]->(g) WHERE r.run = run.creditRun } AS customers, run.creditRun AS ratingsOfRun
ORDER BY g.ordinal;
