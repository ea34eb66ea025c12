// One chunk of one run's per-customer results of one relationship type (RESULT_TYPE is replaced by HAS_TAG,
// IN_SEGMENT or RATED: a type cannot be a parameter, and a literal type lets the planner use its run index).
// Repeated until it deletes nothing, so each transaction stays small however many results a run has.
MATCH ()-[t:RESULT_TYPE]->()
WHERE t.run = $run
WITH t LIMIT 10000
DELETE t
RETURN count(*) AS deleted
