// How many customers carry each tag in the published run.
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (t:Tag)-[:IN_CATEGORY]->(cat:TagCategory)
RETURN cat.nameZh AS category, t.code AS tag, t.nameZh AS name,
       COUNT { (:Customer)-[h:HAS_TAG]->(t) WHERE h.run = run.id } AS customers, run.asOf AS asOf
ORDER BY t.ordinal;
