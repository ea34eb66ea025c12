// A steward switches a strategy on or off; the change is kept beside it (who, when, why).
MATCH (s:Strategy {code: $code})
SET s.enabled = $enabled
CREATE (s)-[:CHANGED]->(:StrategyChange {at: localdatetime(), by: $by, enabled: $enabled, reason: $reason})
RETURN s {.*, conditions: [(s)-[:WHEN]->(x) | x {labels: labels(x), .code, .grade, .dimension, .level, .nameZh, .nameEn}]} AS strategy
