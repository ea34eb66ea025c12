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
  // each bill's properties read once; the bills in issue order, the top-ups in the order they were made
  WITH [b IN COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN b ORDER BY b.issuedOn } |
        {bill: b, day: b.issuedOn, amount: b.amount, was: b.openUntil}] AS bills,
       COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN p ORDER BY p.paidAt } AS topUps
  WITH bills, [p IN topUps | p.paidAt] AS times,
       reduce(sums = [], p IN topUps | sums + [coalesce(sums[-1], 0.0) + p.amount]) AS covered,
       reduce(sums = [], b IN bills | sums + [coalesce(sums[-1], 0.0) + b.amount]) AS billed
  // what is due by each bill's day: the running sum up to the last bill of that day
  WITH bills, times, covered,
       reduce(due = [], j IN reverse(range(0, size(bills) - 1)) |
              CASE WHEN j = size(bills) - 1 OR bills[j + 1].day <> bills[j].day THEN [billed[j]] ELSE [due[0]] END + due) AS due
  UNWIND range(0, size(bills) - 1) AS i
  WITH bills[i] AS b,
       CASE WHEN bills[i].amount <= 0.005 THEN localdatetime({date: bills[i].day})
            ELSE coalesce([k IN range(0, size(times) - 1) WHERE covered[k] >= due[i] - 0.005 | times[k]][0],
                          localdatetime('9999-12-31T00:00')) END AS openUntil
  // written only when it changes: a month's new bill leaves the earlier ones as they were
  WITH b, openUntil
  WHERE b.was IS NULL OR b.was <> openUntil
  WITH b.bill AS bill, openUntil
  SET bill.openUntil = openUntil
}
