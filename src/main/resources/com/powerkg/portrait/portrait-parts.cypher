// The parts of the portraits a request shows, for many customers in one round-trip. A part is read only when
// the request asks for it ($tags, $segments, $credit, $channels); tags and segments come from the request's
// published run ($runId), the rating from the run whose ratings it serves ($creditRunId), the channel mix from the
// published run too (USED_CHANNEL, computed by the run): a portrait never reads the customer's payments, so its cost does
// not grow with the customer's history.
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
CALL (c) {
  OPTIONAL MATCH (c)-[h:HAS_TAG]->(t:Tag)
  WHERE $tags AND coalesce(h.run, '') = $runId
  WITH h, t ORDER BY t.ordinal
  RETURN collect(CASE WHEN t IS NOT NULL THEN
           {code: t.code, nameZh: t.nameZh, evidence: h.evidence, explanation: h.explanation, asOf: h.asOf, run: h.run}
         END) AS tags
}
CALL (c) {
  OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s:Segment)
  WHERE $segments AND coalesce(m.run, '') = $runId
  RETURN collect(CASE WHEN s IS NOT NULL THEN
           {dimension: s.dimension, level: s.level, nameZh: s.nameZh, distance: m.distance, reason: m.reason,
            capped: coalesce(m.capped, [])}
         END) AS segments
}
CALL (c) {
  OPTIONAL MATCH (c)-[r:RATED]->(g:CreditGrade)
  WHERE $credit AND coalesce(r.run, '') = $creditRunId
  RETURN head(collect(CASE WHEN g IS NOT NULL THEN
           {grade: g.grade, nameZh: g.nameZh, score: r.score, pd: r.pd, reasons: r.reasons, flagged: r.flagged, run: r.run}
         END)) AS credit
}
CALL (c) {
  OPTIONAL MATCH (c)-[u:USED_CHANNEL]->(ch:Channel)
  WHERE $channels AND coalesce(u.run, '') = $runId
  WITH u, ch ORDER BY u.payments DESC, ch.code
  RETURN collect(CASE WHEN ch IS NOT NULL THEN
           {channel: ch.code, nameZh: ch.nameZh, payments: u.payments, lastUsedAt: u.lastUsedAt}
         END) AS channels
}
RETURN c.id AS customerId, tags, segments, credit, channels
