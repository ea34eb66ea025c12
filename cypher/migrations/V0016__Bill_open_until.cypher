// A bill's openUntil: when its payments, taken in the order they were made (then by id), first covered its amount to
// the cent; 9999-12-31 while they do not; its issue day for a bill of nothing to pay. The import keeps it from now on
// (src/main/resources/com/powerkg/ingest/bill-open-until.cypher, the same rule); this fills it for the bills already
// in the graph, and for every bill of a bulk load (whose store gets the migrations after the importer).
MATCH (b:Bill)
WHERE b.openUntil IS NULL
CALL (b) {
  OPTIONAL MATCH (b)<-[:SETTLES]-(p:Payment)
  WITH p ORDER BY p.paidAt, p.id
  WITH collect(p) AS paid
  WITH [i IN range(0, size(paid) - 1) WHERE reduce(s = 0.0, q IN paid[0..i + 1] | s + q.amount) >= b.amount - 0.005
        | paid[i].paidAt][0] AS coveredAt
  SET b.openUntil = CASE WHEN b.amount <= 0.005 THEN localdatetime({date: b.issuedOn})
                         ELSE coalesce(coveredAt, localdatetime('9999-12-31T00:00')) END
} IN TRANSACTIONS OF 10000 ROWS;
