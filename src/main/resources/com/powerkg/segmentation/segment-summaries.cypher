// Every level of the requested dimensions with the published run's profile of it (0 customers when none).
MATCH (s:Segment)
WHERE $dimension IS NULL OR s.dimension = $dimension
OPTIONAL MATCH (p:SegmentProfile)-[:OF]->(s)
  WHERE p.run = $runId
RETURN s.dimension AS dimension, s.level AS level, s.ordinal AS ordinal, s.nameZh AS nameZh, s.nameEn AS nameEn,
       coalesce(p.customers, 0) AS customers, coalesce(p.features, []) AS features, coalesce(p.centroid, []) AS centroid
