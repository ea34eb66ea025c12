// Removes per-customer results no reader needs any more: those of FAILED runs, and
// those of SUCCEEDED runs older than the $keep most recent runs superseded by the published one. RUNNING runs are
// never touched (another process may be writing one), and the runs are fixed before the first delete, so a run
// published while this cleans up is safe too.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
WITH COLLECT { MATCH (r:AnalyticsRun {status: 'SUCCEEDED'}) WHERE current IS NULL OR r <> current
                RETURN r.id ORDER BY r.finishedAt DESC } AS superseded,
     COLLECT { MATCH (f:AnalyticsRun {status: 'FAILED'}) RETURN f.id } AS failed
WITH superseded[$keep..] + failed AS stale
UNWIND stale AS runId
CALL (runId) {
  MATCH ()-[t:HAS_TAG {run: runId}]->()
  RETURN t AS result
  UNION
  MATCH ()-[t:IN_SEGMENT {run: runId}]->()
  RETURN t AS result
}
CALL (result) { DELETE result } IN TRANSACTIONS OF 10000 ROWS
