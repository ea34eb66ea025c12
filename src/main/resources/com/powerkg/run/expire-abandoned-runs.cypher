// A RUNNING run whose process has not shown a sign of life (heartbeatAt) for longer than the lease is abandoned:
// its process died, here or on another machine sharing the database. Database time on both sides, so clocks of
// the machines do not matter.
MATCH (r:AnalyticsRun {status: 'RUNNING'})
WHERE coalesce(r.heartbeatAt, r.startedAt) < localdatetime() - duration({seconds: $leaseSeconds})
SET r.status = 'FAILED', r.finishedAt = localdatetime(),
    r.message = 'abandoned: no sign of life from its process for over ' + toString($leaseSeconds) + ' s (powerkg.analytics.lease)'
RETURN r.id AS id
