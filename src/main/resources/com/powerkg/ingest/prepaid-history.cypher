// The bills and top-ups of a batch's prepaid customers, for PrepaidOpenUntil to compute when each bill was covered and
// the customer's ledger. The customer's write lock is taken before they are read (a SET takes it even when the value
// stays): two imports computing one customer's times side by side (two bills batches) take turns, and the second reads
// what the first committed. Each bill and top-up is read once; the rule runs in Java (issue J: as Cypher list
// arithmetic it cost three times the reading).
UNWIND $customerIds AS customerId
MATCH (c:Customer {id: customerId})
WHERE c.paymentMode = 'PREPAID'
WITH DISTINCT c
SET c.paymentMode = c.paymentMode
RETURN elementId(c) AS customer,
       COLLECT { MATCH (c)-[:BILLED]->(b:Bill) RETURN [elementId(b), b.issuedOn, b.amount, b.openUntil, b.period] } AS bills,
       COLLECT { MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'}) RETURN [p.paidAt, p.amount] } AS topUps
