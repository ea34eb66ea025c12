// The run whose ratings the given (published) run serves.
MATCH (r:AnalyticsRun {id: $run})
RETURN r.creditRun AS creditRun
