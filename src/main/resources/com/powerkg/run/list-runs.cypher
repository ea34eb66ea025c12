OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
MATCH (r:AnalyticsRun)
RETURN r {.*, current: current IS NOT NULL AND r = current} AS run
ORDER BY r.startedAt DESC
LIMIT $last
