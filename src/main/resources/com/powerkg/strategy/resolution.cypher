// Which strategies apply (SPEC §6), continuing from `facts`: a strategy applies when every node it has a WHEN
// relationship to is among the facts (none = applies to everybody). Strategies of one aspect and topic are
// alternatives: the one with the most conditions wins, then the lowest priority number, then the value dimension
// in the paper's order (tables 5, 6, 7: revenue contribution, social influence, growth potential; then arrears
// risk; strategies without a segment condition last), then the code; the others are reported as outranked. Each
// winner comes with the path that justified it.
MATCH (s:Strategy)
WHERE s.enabled AND ($aspect IS NULL OR s.aspect = $aspect)
WITH facts, s, [(s)-[:WHEN]->(x) | x] AS conditions
WHERE all(x IN conditions WHERE any(f IN facts WHERE f.node = x))
WITH s, size(conditions) AS specificity,
     CASE coalesce(head([d IN ['REVENUE_CONTRIBUTION', 'SOCIAL_INFLUENCE', 'GROWTH_POTENTIAL', 'ARREARS_RISK']
                         WHERE any(x IN conditions WHERE x:Segment AND x.dimension = d)]), '')
       WHEN 'REVENUE_CONTRIBUTION' THEN 1 WHEN 'SOCIAL_INFLUENCE' THEN 2 WHEN 'GROWTH_POTENTIAL' THEN 3
       WHEN 'ARREARS_RISK' THEN 4 ELSE 9 END AS dimensionOrder,
     CASE size(conditions)
       WHEN 0 THEN ['no condition: the standard service for every customer → ' + s.code]
       ELSE [x IN conditions | [f IN facts WHERE f.node = x][0].why + ' → ' + s.code]
     END AS because
ORDER BY s.aspect, s.topic, specificity DESC, s.priority, dimensionOrder, s.code
WITH s.aspect AS aspect, s.topic AS topic, collect({strategy: s, because: because, specificity: specificity}) AS ranked
WITH ranked[0] AS winner, [r IN tail(ranked) | r.strategy] AS outranked
WITH winner, outranked, winner.strategy AS s
RETURN s {.*, conditions: [(s)-[:WHEN]->(x) | x {labels: labels(x), .code, .grade, .dimension, .level, .nameZh, .nameEn}]} AS strategy,
       winner.because AS because, winner.specificity AS specificity,
       [o IN outranked | o {.*, conditions: [(o)-[:WHEN]->(x) | x {labels: labels(x), .code, .grade, .dimension, .level, .nameZh, .nameEn}]}] AS outranked
ORDER BY s.aspect, specificity DESC, s.priority, s.code
