MATCH (r:AnalyticsRun {id: $run})
RETURN properties(r) AS run
