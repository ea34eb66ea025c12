// Customers the plan looks at besides those with open bills: every prepaid customer (low-balance warnings) and
// every customer whose contact details changed in the published run (verification tasks).
CALL () {
  MATCH (c:Customer {paymentMode: 'PREPAID'})
  RETURN c.id AS id
  UNION
  MATCH (c:Customer)-[h:HAS_TAG]->(t:Tag)
  WHERE h.run = $runId AND t.code IN ['CONTACT_UPDATED', 'CONTACT_ADDED']
  RETURN c.id AS id
}
RETURN id
