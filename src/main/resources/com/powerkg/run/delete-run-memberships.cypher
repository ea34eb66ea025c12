// One chunk of one run's segment memberships (a literal type lets the planner use the run index of IN_SEGMENT).
// Repeated until it deletes nothing, so each transaction stays small however many results a run has.
MATCH ()-[t:IN_SEGMENT]->()
WHERE t.run = $run
WITH t LIMIT 10000
DELETE t
RETURN count(*) AS deleted
