UNWIND $rows AS row
MATCH (c:Customer {id: row.customer_id})
MERGE (p:Payment {id: row.payment_id})
// a top-up that gives less than before (no longer a top-up, a smaller amount or a later time) can leave the customer
// short earlier than its prepaid bills say
WITH c, p, row, coalesce(p.kind = 'TOPUP' AND (row.kind <> 'TOPUP' OR row.amount < p.amount OR row.paid_at > p.paidAt), false) AS toppedUpLess,
     // a top-up new, or changed in kind, amount or time: the customer's ledger no longer holds (below)
     row.kind = 'TOPUP' AND coalesce(p.kind <> row.kind OR p.amount <> row.amount OR p.paidAt <> row.paid_at, true) AS toppedUpAnew
SET p.paidAt = row.paid_at,
    p.amount = row.amount,
    p.channel = row.channel,
    p.kind = row.kind,
    p.billId = row.bill_id
WITH c, p, row, toppedUpLess, toppedUpAnew
// a re-import may correct the customer or bill of a payment: links that no longer hold go (its channel: payments-links),
// and the bills it no longer settles are returned, for their openUntil (bill-open-until.cypher), with the customer it
// belongs to now and the one it belonged to before, for their prepaid bills' (PrepaidOpenUntil).
// Every bill a payment touches is marked open (9999-12-31) in this transaction: the exact time is computed once the
// batch committed (CsvImporter), and should that not happen (a failure, a crash), a bill read as open too long only
// costs the plan a look at it, while one read as paid too early would drop an unpaid bill from plans.
CALL (c, p, row) {
  OPTIONAL MATCH (other)-[r:PAID|SETTLES]-(p)
  WHERE (type(r) = 'PAID' AND other <> c)
     OR (type(r) = 'SETTLES' AND (row.bill_id IS NULL OR other.id <> row.bill_id))
  WITH r, other, CASE type(r) WHEN 'SETTLES' THEN other.id END AS unlinked, CASE type(r) WHEN 'PAID' THEN other.id END AS movedFrom
  FOREACH (bill IN CASE WHEN unlinked IS NULL THEN [] ELSE [other] END | SET bill.openUntil = localdatetime('9999-12-31T00:00'))
  DELETE r
  RETURN collect(unlinked) AS unlinked, collect(movedFrom) AS movedFrom
}
MERGE (c)-[:PAID]->(p)
WITH c, p, row, unlinked, movedFrom, toppedUpLess, toppedUpAnew
// as with the bills above: the prepaid bills of a customer a top-up was taken from (moved to another customer, or
// giving less) are marked open in this transaction, so that a lost computation reads them as open too long (the plan's
// details then find the balance is fine), never as paid too early (a missed warning). A top-up added only makes bills
// paid earlier: their times wait for the computation after the commit.
CALL (c, movedFrom, toppedUpLess) {
  UNWIND movedFrom + CASE WHEN toppedUpLess THEN [c.id] ELSE [] END AS lessId
  MATCH (x:Customer {id: lessId})-[:BILLED]->(b:Bill)
  WHERE x.paymentMode = 'PREPAID'
  SET b.openUntil = localdatetime('9999-12-31T00:00')
}
// likewise a customer's ledger (PrepaidOpenUntil): a top-up new or changed, moved from one customer to another, or
// giving less makes the ledgers of both customers stale, so they go in this transaction and the computation after
// the commit writes them again; a lost computation leaves the plan reading the customer's bills and top-ups
// (customer-details.cypher), never a balance without the top-up. A payment imported again unchanged leaves them.
CALL (c, movedFrom, toppedUpLess, toppedUpAnew) {
  UNWIND movedFrom + CASE WHEN toppedUpLess OR toppedUpAnew OR size(movedFrom) > 0 THEN [c.id] ELSE [] END AS staleId
  MATCH (:Customer {id: staleId})-[:HAS_LEDGER]->(l:PrepaidLedger)
  DETACH DELETE l
}
CALL (p, row) {
  MATCH (b:Bill {id: row.bill_id})
  MERGE (p)-[:SETTLES]->(b)
  SET b.openUntil = localdatetime('9999-12-31T00:00')
}
RETURN unlinked AS billIds, [c.id] + movedFrom AS customerIds
