// Only a RUNNING run can fail: a published run stays SUCCEEDED whatever happens after its publication.
MATCH (r:AnalyticsRun {id: $id})
WHERE r.status = 'RUNNING'
SET r.status = 'FAILED', r.finishedAt = localdatetime(), r.message = $message
