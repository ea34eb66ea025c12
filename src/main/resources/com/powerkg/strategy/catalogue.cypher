// The strategy catalogue as stewards maintain it, with each strategy's conditions and delivery channel.
MATCH (s:Strategy)
WHERE $aspect IS NULL OR s.aspect = $aspect
RETURN s {.*, conditions: [(s)-[:WHEN]->(x) | x {labels: labels(x), .code, .grade, .dimension, .level, .nameZh, .nameEn}]} AS strategy
ORDER BY s.aspect, s.topic, s.conditions DESC, s.priority, s.code
