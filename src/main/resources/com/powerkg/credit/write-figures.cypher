// The credit figures of a run as small typed nodes hung off it: one CreditModelFigures per model trained (held-out
// quality, calibration by decile, its columns and weights, and for boosted trees that rated, the trees themselves as
// flat lists of nodes: treeRoots, treeColumns, treeValues, treeLow, treeHigh) and one CreditIndicatorFigures per
// indicator (its bins with weight of evidence, information value, population stability).
MATCH (r:AnalyticsRun {id: $run})
CALL (r) {
  UNWIND $models AS m
  CREATE (r)-[:TRAINED]->(f:CreditModelFigures {run: $run, model: m.model, champion: m.champion, message: m.message,
                                               auc: m.auc, ks: m.ks, gini: m.gini, customers: m.customers,
                                               monotoneViolations: m.monotoneViolations,
                                               calibrationCustomers: m.calibrationCustomers, calibrationPd: m.calibrationPd,
                                               calibrationObserved: m.calibrationObserved, indicators: m.indicators,
                                               coefficients: m.coefficients, calibration: m.calibration})
  SET f += m.trees
}
CALL (r) {
  UNWIND $indicators AS i
  CREATE (r)-[:BINNED]->(:CreditIndicatorFigures {run: $run, indicator: i.indicator, ordinal: i.ordinal, used: i.used,
                                                  informationValue: i.iv, populationStability: i.psi, direction: i.direction,
                                                  cuts: i.cuts, woe: i.woe, good: i.good, bad: i.bad, scored: i.scored, sd: i.sd})
}
