MATCH (r:AnalyticsRun {status: 'RUNNING'})
RETURN r.id AS id, r.startedAt AS startedAt
