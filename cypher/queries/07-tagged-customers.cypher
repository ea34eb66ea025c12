// Customers carrying a tag in the published analytics run, with what made it true.
// Parameter: :param tag => 'REPEATED_ARREARS'   (see MATCH (t:Tag) RETURN t.code, t.nameZh for the codes)
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag {code: $tag})
WHERE h.run = run.id
RETURN c.id AS customer, c.usageCategory AS category, c.region AS region, t.nameZh AS tag,
       h.explanation AS why, h.evidence AS evidence, run.asOf AS asOf
ORDER BY customer
LIMIT 200;
