// Customers whose level in a dimension changed between the published run and the run it was compared with
// (whose memberships are kept while powerkg.analytics.keep-superseded-runs >= 1). The one query here that reads a
// superseded run's IN_SEGMENT, on purpose: `before` is the earlier run's membership (run.comparedWithRun), `now`
// the published run's; everything else reads the published run only.
// Parameter: :param dimension => 'REVENUE_CONTRIBUTION'   (or SOCIAL_INFLUENCE, GROWTH_POTENTIAL, ARREARS_RISK)
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (c:Customer)-[now:IN_SEGMENT]->(s:Segment {dimension: $dimension})
USING INDEX now:IN_SEGMENT(run)
WHERE now.run = run.id
MATCH (c)-[before:IN_SEGMENT]->(p:Segment {dimension: $dimension})
WHERE before.run = run.comparedWithRun AND p <> s
RETURN c.id AS customer, c.usageCategory AS category, p.level AS from, s.level AS to,
       run.comparedWithRun AS fromRun, run.id AS toRun
ORDER BY from, to, customer
LIMIT 200;
