// A bill's openUntil: when its payments, taken in the order they were made (then by id), first covered its amount to
// the cent; 9999-12-31 while they do not; its issue day for a bill of nothing to pay. The bill is unpaid on a day D
// exactly when openUntil falls after D, which an index answers (open-bills.cypher) without summing every bill's
// payments. Kept for the bills of each batch of bills and of payments; a bulk load writes it with each bill
// (BillSettlement), and V0016 fills it for bills imported before it, both with this same rule (BillOpenUntilTest and
// BulkLoadTest compare them). The bills of prepaid customers are paid from the balance, not by payments of their own:
// PrepaidOpenUntil.
UNWIND $billIds AS billId
MATCH (b:Bill {id: billId})
WHERE NOT EXISTS { MATCH (:Customer {paymentMode: 'PREPAID'})-[:BILLED]->(b) }
// marked open first, which takes the bill's write lock before its payments are read: a payments batch changing them
// (it marks the bill too) either commits before this reads, or waits for this to commit and computes again after it;
// a time computed from payments since moved never overwrites the one computed after the move
SET b.openUntil = localdatetime('9999-12-31T00:00')
WITH b
CALL (b) {
  OPTIONAL MATCH (b)<-[:SETTLES]-(p:Payment)
  WITH p ORDER BY p.paidAt, p.id
  WITH collect(p) AS paid
  RETURN [i IN range(0, size(paid) - 1) WHERE reduce(s = 0.0, q IN paid[0..i + 1] | s + q.amount) >= b.amount - 0.005
          | paid[i].paidAt][0] AS coveredAt
}
SET b.openUntil = CASE WHEN b.amount <= 0.005 THEN localdatetime({date: b.issuedOn})
                       ELSE coalesce(coveredAt, localdatetime('9999-12-31T00:00')) END
