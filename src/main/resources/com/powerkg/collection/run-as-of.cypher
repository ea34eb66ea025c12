// The as-of date of a run (the month its NO_DUNNING_THIS_MONTH tags speak of).
MATCH (r:AnalyticsRun {id: $id})
RETURN r.asOf AS asOf
