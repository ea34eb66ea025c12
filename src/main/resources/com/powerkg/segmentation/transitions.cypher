// How customers moved between the levels of each dimension from the previous run ($previous) to this one ($run).
// A customer without a membership in the previous run comes from level null (new, or not analysed then).
MATCH (c:Customer)-[now:IN_SEGMENT]->(s:Segment)
USING INDEX now:IN_SEGMENT(run)
WHERE now.run = $run
OPTIONAL MATCH (c)-[before:IN_SEGMENT]->(p:Segment {dimension: s.dimension})
  WHERE before.run = $previous
RETURN s.dimension AS dimension, p.level AS from, s.level AS to, count(*) AS customers
ORDER BY dimension, from, to
