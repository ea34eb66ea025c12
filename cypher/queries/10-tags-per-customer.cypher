// Each customer's portrait tags in the published run (earlier runs' tags are kept beside them: without the filter
// every tag would show once per kept run).
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag)
WHERE h.run = run.id
WITH run, c, t ORDER BY t.ordinal
RETURN c.id AS customer, c.usageCategory AS category, collect(t.code + ' ' + t.nameZh) AS tags, run.asOf AS asOf
ORDER BY customer
LIMIT 500;
