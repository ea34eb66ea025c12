// What a run writes for readers (issue J): each customer's channel mix and the collection plan of the run's date, both
// under the run's id, paged and cleaned up by run.
CREATE INDEX used_channel_run IF NOT EXISTS FOR ()-[u:USED_CHANNEL]-() ON (u.run);
CREATE INDEX collection_task_run_rank IF NOT EXISTS FOR (n:CollectionTask) ON (n.run, n.rank);
CREATE INDEX plan_workload_run IF NOT EXISTS FOR (n:PlanWorkload) ON (n.run);
