MATCH (r:AnalyticsRun {id: $id, status: 'RUNNING'})
SET r.heartbeatAt = localdatetime()
