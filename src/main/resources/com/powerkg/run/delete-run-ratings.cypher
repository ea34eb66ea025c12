// One chunk of one run's credit ratings (a literal type lets the planner use the run index of RATED).
// Repeated until it deletes nothing, so each transaction stays small however many results a run has.
MATCH ()-[t:RATED]->()
WHERE t.run = $run
WITH t LIMIT 10000
DELETE t
RETURN count(*) AS deleted
