// The runs whose per-customer results no reader needs any more: those of FAILED runs, and
// those of SUCCEEDED runs older than the $keep most recent runs superseded by the published one. RUNNING runs are
// never touched (another process may be writing one), and the runs are fixed before the first delete, so a run
// published while this cleans up is safe too. The ratings the published run serves (its creditRun, which may be an
// older run's when the newest model failed its quality floor) are kept whatever their run.
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(current:AnalyticsRun)
WITH current, COLLECT { MATCH (r:AnalyticsRun {status: 'SUCCEEDED'}) WHERE current IS NULL OR r <> current
                RETURN r.id ORDER BY r.finishedAt DESC } AS superseded,
     COLLECT { MATCH (f:AnalyticsRun {status: 'FAILED'}) RETURN f.id } AS failed
WITH [runId IN superseded[$keep..] + failed WHERE current IS NULL OR runId <> coalesce(current.creditRun, '')] AS stale
RETURN stale
