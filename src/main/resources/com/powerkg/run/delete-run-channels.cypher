// One chunk of one run's channel mixes (a literal type lets the planner use the run index of USED_CHANNEL).
// Repeated until it deletes nothing, so each transaction stays small however many results a run has.
MATCH ()-[t:USED_CHANNEL]->()
WHERE t.run = $run
WITH t LIMIT 10000
DELETE t
RETURN count(*) AS deleted
