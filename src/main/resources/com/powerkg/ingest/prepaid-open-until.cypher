// A prepaid customer's bills are paid from the balance: the top-ups cover the bills in the order they were issued. So
// a prepaid bill's openUntil is when the customer's top-ups, taken in the order they were made, first covered every bill
// issued up to the bill's issue day, to the cent; 9999-12-31 while they do not; its issue day for a bill of nothing to
// pay. Then whenever a prepaid customer's estimated balance on a day D (top-ups up to the end of D minus the bills
// issued by D, customer-details.cypher) is short by a cent or more, one of the bills issued by D is still open after D
// (with the contract's money in cents and top-ups above nothing; a later credit note can leave a bill open for a
// balance that is not short, which the details then find), so the same index range as the postpaid bills finds these
// customers (other-customers.cypher) instead of summing every prepaid customer's history. Bills issued on the same day
// are covered together, so their order within the day does not matter.
// Computed per customer (a top-up or a bill changes the times of the customer's later bills): for the customers of each
// batch of bills and payments, and of customers whose payment mode changed; a bulk load writes it with each bill
// (BillSettlement), and V0018 fills it for the prepaid bills imported before it, all with this same rule
// (BillOpenUntilTest compares them). Postpaid customers are left to bill-open-until.cypher.
UNWIND $customerIds AS customerId
MATCH (c:Customer {id: customerId})
WHERE c.paymentMode = 'PREPAID'
WITH DISTINCT c
// the customer's write lock before its bills and top-ups are read (a SET takes it even when the value stays): two
// imports computing one customer's times side by side (two bills batches) take turns, and the second reads what the
// first committed
SET c.paymentMode = c.paymentMode
WITH c
CALL (c) {
  WITH COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b } AS bills,
       COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p ORDER BY p.paidAt } AS topUps
  WITH bills, [p IN topUps | p.paidAt] AS times,
       reduce(sums = [], p IN topUps | sums + [coalesce(sums[-1], 0.0) + p.amount]) AS covered
  UNWIND bills AS b
  WITH b, times, covered, reduce(s = 0.0, y IN [x IN bills WHERE x.issuedOn <= b.issuedOn] | s + y.amount) AS due
  SET b.openUntil = CASE WHEN b.amount <= 0.005 THEN localdatetime({date: b.issuedOn})
                         ELSE coalesce([i IN range(0, size(times) - 1) WHERE covered[i] >= due - 0.005 | times[i]][0],
                                       localdatetime('9999-12-31T00:00')) END
}
