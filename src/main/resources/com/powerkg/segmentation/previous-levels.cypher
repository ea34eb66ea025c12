// The level each customer had in one dimension in the previous run ($previous): the transitions are counted in Java
// against this run's levels. One index seek per dimension; the former single statement looked the previous membership
// up per customer, and with the statistics of a young store the planner could answer each lookup by seeking every
// membership of the previous run instead (seen: 158 s for 6,000 customers in CI, 2 s otherwise).
MATCH (c:Customer)-[before:IN_SEGMENT]->(s:Segment)
USING INDEX before:IN_SEGMENT(run)
WHERE before.run = $previous AND s.dimension = $dimension
RETURN c.id AS id, s.level AS level
