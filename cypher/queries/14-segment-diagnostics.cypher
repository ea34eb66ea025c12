// How to judge the value segments of the published run, per dimension: the feature that defines the levels, k,
// customers clustered, whether every name held its anchor, each level with its customers, share and range of the
// defining feature, the customers not clustered by reason, and the run's warnings (docs/value-segmentation.md).
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (run)-[:SEGMENTED]->(d:SegmentDimension)
RETURN d.dimension AS dimension, d.definingFeature AS definedBy, d.k AS k, d.customers AS customers,
       d.clustered AS clustered, d.namesHold AS namesHold,
       COLLECT { MATCH (run)-[:FOUND]->(p:SegmentProfile)-[:OF]->(s:Segment) WHERE p.dimension = d.dimension
                 RETURN s.level + ': ' + toString(p.customers) + ' (' + toString(round(100 * p.share, 1)) + ' %), '
                        + d.definingFeature + ' ' + coalesce(toString(round(p.definingFrom, 3)), '-') + ' .. '
                        + coalesce(toString(round(p.definingTo, 3)), '-')
                 ORDER BY s.ordinal } AS levels,
       COLLECT { MATCH (run)-[:FOUND]->(p:SegmentProfile) WHERE p.dimension = d.dimension AND size(p.reasons) > 0
                 UNWIND range(0, size(p.reasons) - 1) AS i
                 RETURN p.level + ' ' + p.reasons[i] + ': ' + toString(p.reasonCustomers[i]) } AS notClustered,
       COLLECT { MATCH (run)-[:WARNED]->(w:SegmentWarning) WHERE w.dimension = d.dimension RETURN w.kind + ': ' + w.message } AS warnings
ORDER BY dimension;
