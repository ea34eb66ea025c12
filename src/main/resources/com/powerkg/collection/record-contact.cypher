// A dunning contact recorded through the API: the same node and links as an imported dunning_contacts.csv row, plus
// who recorded it and when. Returns nothing when the customer is unknown or the bill is not the customer's.
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (c)-[:BILLED]->(b:Bill {id: $billId})
WITH c, b
WHERE $billId IS NULL OR b IS NOT NULL
CREATE (c)-[:RECEIVED]->(d:DunningContact {id: $id, contactedAt: $contactedAt, round: $round, method: $method,
                                           reached: $reached, response: $response, billId: b.id, recordedAt: localdatetime(),
                                           recordedBy: $recordedBy, source: 'graphql'})
FOREACH (bill IN CASE WHEN b IS NULL THEN [] ELSE [b] END | CREATE (d)-[:CONCERNS]->(bill))
RETURN d {.*, customerId: c.id, billId: b.id} AS contact
