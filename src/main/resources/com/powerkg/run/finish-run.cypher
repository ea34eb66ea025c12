// Records the outcome and, for a successful run, publishes it: the single PUBLISHES relationship moves in the
// same transaction, so readers switch from the old run's results to the new ones at once.
// A run an operator marked FAILED meanwhile is not published.
MATCH (r:AnalyticsRun {id: $id})
WHERE r.status = 'RUNNING'
SET r.status = 'SUCCEEDED', r.finishedAt = localdatetime(), r.customersAnalysed = $customersAnalysed,
    r.tagCodes = $tagCodes, r.tagCustomers = $tagCustomers, r.parameterTags = $parameterTags,
    r.parameterNames = $parameterNames, r.parameterValues = $parameterValues, r.tagSeconds = $tagSeconds
MERGE (p:Publication {name: 'current'})
WITH r, p
OPTIONAL MATCH (p)-[old:PUBLISHES]->()
DELETE old
WITH DISTINCT r, p
CREATE (p)-[:PUBLISHES]->(r)
RETURN r.id AS published
