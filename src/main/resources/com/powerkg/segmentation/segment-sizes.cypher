// Customers per segment level of the published run (SegmentProfile nodes of that run).
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (p:SegmentProfile {run: run.id})
RETURN p.dimension AS dimension, p.level AS level, p.customers AS customers
