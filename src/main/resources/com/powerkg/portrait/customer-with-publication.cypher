// A portrait's first round-trip: the customer and the current publication (the run whose results the portrait
// shows). One row when the customer exists, whether a run is published or not; the publication read is that of
// run/published-run.cypher (PublicationReadTest keeps the two alike).
MATCH (c:Customer {id: $id})
CALL () {
  OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
  RETURN run.id AS id, run.creditRun AS creditRun
}
RETURN properties(c) AS c, id, creditRun
