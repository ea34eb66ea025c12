CREATE (:AnalyticsRun {id: $id, asOf: $asOf, status: 'RUNNING', startedAt: localdatetime(), heartbeatAt: localdatetime()})
