// A page of a run's stored collection plan by rank; the filters combine with AND, a null filter is no filter. Ordered
// by both of the index's properties (run is one value here), so that the index gives the order and the read stops after
// the page: ORDER BY t.rank alone made the planner sort every task of the run (StoredPlanPagePlanTest).
MATCH (t:CollectionTask)
USING INDEX t:CollectionTask(run, rank)
WHERE t.run = $run AND t.rank > $after
  AND ($kinds IS NULL OR t.kind IN $kinds)
  AND ($methods IS NULL OR t.method IN $methods)
  AND ($rounds IS NULL OR t.round IN $rounds)
  AND ($regions IS NULL OR t.region IN $regions)
RETURN t {.rank, .customerId, .kind, .round, .method, .advice, .rules, .bills, .dueAmount, .group} AS task
ORDER BY t.run, t.rank
LIMIT $limit
