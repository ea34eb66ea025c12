// The bills of some customers, for their openUntil after a change of payment mode (bill-open-until.cypher,
// PrepaidOpenUntil).
UNWIND $customerIds AS customerId
MATCH (:Customer {id: customerId})-[:BILLED]->(b:Bill)
RETURN b.id AS billId
