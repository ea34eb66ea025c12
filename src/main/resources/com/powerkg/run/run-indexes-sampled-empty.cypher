// Run indexes the planner still takes for empty: sampled with no entry, and written to since (see
// AnalyticsRuns.refreshPlannerStatistics)
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.indexes AS index
WITH index
WHERE index.properties = ['run'] AND index.totalSize = 0 AND index.updatesSinceEstimation > 0
RETURN count(index) AS stale
