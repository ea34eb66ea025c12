// Resamples the indexes a run made outdated, waits for it, and clears the query caches: the next queries are planned
// with statistics that know the run's relationships (see AnalyticsRuns.refreshPlannerStatistics).
CALL db.prepareForReplanning($seconds)
