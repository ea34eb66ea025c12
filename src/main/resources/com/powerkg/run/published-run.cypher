OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
RETURN run.id AS id, run.creditRun AS creditRun
