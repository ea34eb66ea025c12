// One chunk of the collection plan a run stored (CollectionTask nodes); repeated until it deletes nothing. The plan's
// figures (PlanWorkload) go with the run's other figures when the run failed, and stay with a superseded run.
MATCH (t:CollectionTask)
USING INDEX t:CollectionTask(run, rank)
WHERE t.run = $run AND t.rank > 0
WITH t LIMIT 10000
DETACH DELETE t
RETURN count(*) AS deleted
