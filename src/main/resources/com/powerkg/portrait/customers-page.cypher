// One page of customers in id order; the page asks for one more row than it shows to know if there is a next one.
// Tag and segment filters look at the request's published run ($runId) only.
// `c.id > coalesce($after, '')` (every id is non-empty) lets the planner seek the id index from the cursor and read it in
// order, stopping after the page; `$after IS NULL OR c.id > $after` scanned and sorted every customer (2.5 s of CPU a
// page at 1M customers).
// coalesce(x.run, '') = $run finds a customer's relationships of one run by expanding from the customer: with a plain
// x.run = $run the planner may seek the run's relationship index instead and filter by customer (every relationship
// of the run, per customer), and does on a young store (RunLookupPlanTest).
MATCH (c:Customer)
WHERE c.id > coalesce($after, '')
  AND ($usageCategories IS NULL OR c.usageCategory IN $usageCategories)
  AND ($paymentMode IS NULL OR c.paymentMode = $paymentMode)
  AND ($regions IS NULL OR c.region IN $regions)
  AND ($importance IS NULL OR c.importance IN $importance)
  AND ($tagsAllOf IS NULL OR all(code IN $tagsAllOf WHERE EXISTS {
        MATCH (c)-[h:HAS_TAG]->(:Tag {code: code}) WHERE coalesce(h.run, '') = $runId }))
  AND ($tagsAnyOf IS NULL OR EXISTS {
        MATCH (c)-[h:HAS_TAG]->(t:Tag) WHERE coalesce(h.run, '') = $runId AND t.code IN $tagsAnyOf })
  AND ($segments IS NULL OR all(s IN $segments WHERE EXISTS {
        MATCH (c)-[m:IN_SEGMENT]->(:Segment {dimension: s.dimension, level: s.level}) WHERE coalesce(m.run, '') = $runId }))
  AND ($creditGrades IS NULL OR EXISTS {
        MATCH (c)-[r:RATED]->(g:CreditGrade) WHERE coalesce(r.run, '') = $creditRunId AND g.grade IN $creditGrades })
// ordered and cut on the node, not on the returned map: that keeps the index's order and needs no sort
WITH c ORDER BY c.id LIMIT $limit
RETURN properties(c) AS c
