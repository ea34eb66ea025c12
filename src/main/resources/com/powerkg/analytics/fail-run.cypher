MATCH (r:AnalyticsRun {id: $id})
SET r.status = 'FAILED', r.finishedAt = localdatetime(), r.message = $message
