// The runs whose per-customer results no reader needs any more: those of FAILED runs, and
// those of SUCCEEDED runs older than the $keep most recent runs superseded by the published one. RUNNING runs are
// never touched (another process may be writing one), and the runs are fixed before the first delete, so a run
// published while this cleans up is safe too. Ratings still served (a run's creditRun may be an older run's when
// the newest model failed its quality floor) are kept whatever their run.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
WITH current, COLLECT { MATCH (r:AnalyticsRun {status: 'SUCCEEDED'}) WHERE current IS NULL OR r <> current
                RETURN r ORDER BY r.finishedAt DESC } AS superseded,
     COLLECT { MATCH (f:AnalyticsRun {status: 'FAILED'}) RETURN f.id } AS failed
// ratings served by the published run or by a retained one are kept, whichever run wrote them
WITH [id IN [r IN superseded[..$keep] | r.creditRun] + [current.creditRun] WHERE id IS NOT NULL] AS served, superseded, failed
WITH [runId IN [r IN superseded[$keep..] | r.id] + failed WHERE NOT runId IN served] AS stale
RETURN stale
