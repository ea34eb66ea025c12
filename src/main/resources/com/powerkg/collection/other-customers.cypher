// Customers the plan looks at besides those with open bills: the prepaid customers whose estimated balance on D
// (top-ups up to D minus bills issued by D, as customer-details.cypher) is short by a cent or more, the only ones a
// low-balance warning can go to, and every customer whose contact details changed in the published run (verification
// tasks). A prepaid bill is paid from the balance (PrepaidOpenUntil): whenever the balance on D is short, a
// bill issued by D is still open after D, so the same index range as the postpaid open bills finds every such customer
// (and rarely one whose later credit note evens the balance, which the details then find fine), without summing every
// prepaid customer's history (issue J).
CALL () {
  MATCH (b:Bill)
  USING INDEX b:Bill(openUntil)
  WHERE b.openUntil >= $until AND b.issuedOn <= $asOf AND b.amount > 0.005
  MATCH (c:Customer)-[:BILLED]->(b)
  WHERE c.paymentMode = 'PREPAID'
  RETURN c.id AS id
  UNION
  MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag)
  WHERE h.run = $runId AND t.code IN ['CONTACT_UPDATED', 'CONTACT_ADDED']
  RETURN c.id AS id
}
RETURN id
