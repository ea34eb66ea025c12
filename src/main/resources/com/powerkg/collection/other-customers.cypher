// Customers the plan looks at besides those with open bills: the prepaid customers whose estimated balance on D
// (top-ups up to D minus bills issued by D, as customer-details.cypher) is below a cent, the only ones a low-balance
// warning can go to, and every customer whose contact details changed in the published run (verification tasks).
// Filtering the prepaid customers here, in one pass on the server, spares the details of the many whose balance is
// fine (issue J); the margin of a cent keeps every customer the details may find below zero whatever the order of the sums.
CALL () {
  MATCH (c:Customer {paymentMode: 'PREPAID'})
  CALL (c) {
    MATCH (c)-[:PAID]->(p:Payment {kind: 'TOPUP'})
    WHERE p.paidAt < $until
    RETURN sum(p.amount) AS topUps
  }
  CALL (c) {
    MATCH (c)-[:BILLED]->(b:Bill)
    WHERE b.issuedOn <= $asOf
    RETURN sum(b.amount) AS billed
  }
  WITH c, topUps - billed AS balance
  WHERE balance < 0.005
  RETURN c.id AS id
  UNION
  MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag)
  WHERE h.run = $runId AND t.code IN ['CONTACT_UPDATED', 'CONTACT_ADDED']
  RETURN c.id AS id
}
RETURN id
