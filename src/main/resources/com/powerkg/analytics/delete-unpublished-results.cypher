// Removes results that no reader can see any more: those of superseded or failed runs.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
WITH current
MATCH ()-[t:HAS_TAG]->()
WHERE current IS NULL OR t.run <> current.id
CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS
