// Removes results no reader can see any more: those of FAILED runs and of SUCCEEDED runs that are no longer
// published. RUNNING runs are never touched (another process may be writing one), and the runs are fixed before
// the first delete, so a run published while this cleans up is safe too.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
MATCH (r:AnalyticsRun)
WHERE r.status IN ['FAILED', 'SUCCEEDED'] AND (current IS NULL OR r <> current)
WITH collect(r.id) AS stale
UNWIND stale AS runId
MATCH ()-[t:HAS_TAG {run: runId}]->()
CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS
