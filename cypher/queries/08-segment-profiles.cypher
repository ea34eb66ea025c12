// Value segments of the published run: customers and mean feature values (original units) per level.
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (run)-[:FOUND]->(p:SegmentProfile)-[:OF]->(s:Segment)
RETURN s.dimensionZh AS dimension, s.nameZh AS level, p.customers AS customers,
       [i IN range(0, size(p.features) - 1) | p.features[i] + ' = ' + toString(round(p.centroid[i], 3))] AS centroid
ORDER BY s.dimension, s.ordinal;
