// The credit figures of some runs: every model trained with its held-out quality (champion first; the trees
// themselves are not read) and every indicator's bins, information value and population stability.
UNWIND $runs AS runId
MATCH (r:AnalyticsRun {id: runId})
RETURN runId,
       COLLECT { MATCH (r)-[:TRAINED]->(m:CreditModelFigures)
                 RETURN m {.model, .champion, .message, .customers, .auc, .ks, .gini, .monotoneViolations, .calibrationCustomers, .calibrationPd,
                           .calibrationObserved, .indicators, .coefficients} ORDER BY m.champion DESC, m.model } AS models,
       COLLECT { MATCH (r)-[:BINNED]->(i:CreditIndicatorFigures)
                 RETURN i {.indicator, .used, .informationValue, .populationStability, .direction, .cuts, .woe, .good, .bad, .scored}
                 ORDER BY i.ordinal } AS indicators
