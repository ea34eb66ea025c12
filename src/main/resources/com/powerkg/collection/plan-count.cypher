// Tasks of a run's stored plan that pass the filters (the plan's own size is on the run: planTasks).
MATCH (t:CollectionTask)
USING INDEX t:CollectionTask(run, rank)
WHERE t.run = $run AND t.rank > 0
  AND ($kinds IS NULL OR t.kind IN $kinds)
  AND ($methods IS NULL OR t.method IN $methods)
  AND ($rounds IS NULL OR t.round IN $rounds)
  AND ($regions IS NULL OR t.region IN $regions)
RETURN count(t) AS n
