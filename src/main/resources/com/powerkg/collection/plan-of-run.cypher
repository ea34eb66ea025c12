// The stored plan of a run: its date, size and workload next to the baseline (no plan: planDate is null).
MATCH (r:AnalyticsRun {id: $run})
RETURN r.planDate AS date, r.planTasks AS tasks, r.planContacts AS planContacts, r.planBaselineContacts AS baselineContacts,
       r.planReductionPercent AS reductionPercent, r.planVerificationTasks AS verificationTasks,
       COLLECT { MATCH (r)-[:PLANNED]->(w:PlanWorkload) RETURN w {.kind, .method, .round, .plan, .baseline} } AS counts
