MATCH (r:AnalyticsRun {status: 'RUNNING'})
SET r.status = 'FAILED', r.finishedAt = localdatetime(), r.message = $message
RETURN r.id AS id
