// The run's plan in figures: its date and size on the run, and contacts per kind, method and round next to the
// uniform four-round baseline (one PlanWorkload node each).
MATCH (r:AnalyticsRun {id: $run})
SET r.planDate = $date, r.planTasks = $tasks, r.planContacts = $planContacts, r.planBaselineContacts = $baselineContacts,
    r.planReductionPercent = $reductionPercent, r.planVerificationTasks = $verificationTasks
WITH r
UNWIND $counts AS c
CREATE (r)-[:PLANNED]->(:PlanWorkload {run: $run, kind: c.kind, method: c.method, round: c.round, plan: c.plan,
                                        baseline: c.baseline})
