// One run, in the shape of list-runs.cypher.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
MATCH (r:AnalyticsRun {id: $id})
RETURN r {.*, current: current IS NOT NULL AND r = current} AS run
