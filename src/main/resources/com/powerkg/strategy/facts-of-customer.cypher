// What is known about one customer that strategies can be conditioned on (SPEC §6), each fact with the readable
// reason it holds: the published run's segments and tags, the credit grade it serves, needs found in 95598 work
// orders and the preferred channel, both over windows ending with the run's as-of date (12 months: from the day
// after the same date a year earlier through the as-of day, as the analytics features count). Followed by resolution.cypher.
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (run:AnalyticsRun {id: $runId})
WITH c, coalesce(run.asOf, date()) AS asOf
OPTIONAL CALL (c, asOf) {
  MATCH (c)-[m:IN_SEGMENT]->(s:Segment) WHERE coalesce(m.run, '') = $runId
  RETURN s AS node, 'IN_SEGMENT ' + s.dimension + ' = ' + s.level + ' (' + s.nameZh + ')' AS why
  UNION
  MATCH (c)-[h:HAS_TAG]->(t:Tag) WHERE coalesce(h.run, '') = $runId
  RETURN t AS node, 'HAS_TAG ' + t.code + ' (' + t.nameZh + '; ' + coalesce(h.explanation, 'see its evidence') + ')' AS why
  UNION
  MATCH (c)-[r:RATED]->(g:CreditGrade) WHERE coalesce(r.run, '') = $creditRunId
  RETURN g AS node, 'RATED ' + g.grade + ' (' + g.nameZh + ', probability of default ' + toString(round(r.pd * 100, 1)) + ' %)' AS why
  UNION
  MATCH (n:Need)
  OPTIONAL MATCH (c)-[:RAISED]->(w:WorkOrder)-[:VIA]->(ch:Channel)
  WHERE w.createdAt >= localdatetime({date: asOf - duration({months: n.windowMonths}) + duration({days: 1})})
    AND w.createdAt < localdatetime({date: asOf + duration({days: 1})})
    AND (size(n.topics) = 0 OR w.topic IN n.topics) AND (size(n.channels) = 0 OR ch.code IN n.channels)
  WITH n, count(w) AS orders, collect(w.id)[0..3] AS examples
  WHERE orders >= n.minOrders
  RETURN n AS node, 'NEEDS ' + n.code + ' (' + n.nameZh + ': ' + toString(orders) + ' work orders in the ' + toString(n.windowMonths)
         + ' months to ' + toString(asOf) + ', e.g. ' + reduce(s = '', id IN examples | s + CASE s WHEN '' THEN '' ELSE ', ' END + id) + ')' AS why
  UNION
  CALL (c, asOf) {
    MATCH (c)-[:PAID]->(p:Payment)-[:VIA]->(ch:Channel)
    WHERE p.paidAt >= localdatetime({date: asOf - duration({months: 12}) + duration({days: 1})}) AND p.paidAt < localdatetime({date: asOf + duration({days: 1})})
    RETURN ch, p.paidAt AS at
    UNION ALL
    MATCH (c)-[:RAISED]->(w:WorkOrder)-[:VIA]->(ch:Channel)
    WHERE w.createdAt >= localdatetime({date: asOf - duration({months: 12}) + duration({days: 1})}) AND w.createdAt < localdatetime({date: asOf + duration({days: 1})})
    RETURN ch, w.createdAt AS at
  }
  WITH ch, count(*) AS uses, max(at) AS lastUsed, asOf
  ORDER BY uses DESC, lastUsed DESC, ch.code
  LIMIT 1
  RETURN ch AS node, 'PREFERS ' + ch.code + ' (' + ch.nameZh + ': ' + toString(uses) + ' payments and work orders in the 12 months to '
         + toString(asOf) + ', the most of any channel)' AS why
}
// an unknown customer leaves no row, so the answer is empty (and the API says the id is unknown)
WITH collect(CASE WHEN node IS NOT NULL THEN {node: node, why: why} END) AS facts, count(c) AS found
WHERE found > 0
