// The ledgers PrepaidOpenUntil computed, in the transaction that read the bills and top-ups: a prepaid customer's bills
// and top-ups as dated amounts on one :PrepaidLedger node, which the plan of another date reads instead of the
// customer's whole history (customer-details.cypher). Lists without an item are not kept (null), as a bulk load
// writes them. A customer with neither bills nor top-ups has no ledger.
UNWIND $ledgers AS ledger
MATCH (c:Customer) WHERE elementId(c) = ledger.customer
CALL (c, ledger) {
  WITH c, ledger
  WHERE ledger.billsIssuedOn IS NULL AND ledger.topUpsAt IS NULL
  MATCH (c)-[:HAS_LEDGER]->(l:PrepaidLedger)
  DETACH DELETE l
}
CALL (c, ledger) {
  WITH c, ledger
  WHERE ledger.billsIssuedOn IS NOT NULL OR ledger.topUpsAt IS NOT NULL
  MERGE (c)-[:HAS_LEDGER]->(l:PrepaidLedger)
  SET l.billsIssuedOn = ledger.billsIssuedOn,
      l.billsPeriod = ledger.billsPeriod,
      l.billsAmount = ledger.billsAmount,
      l.topUpsAt = ledger.topUpsAt,
      l.topUpsAmount = ledger.topUpsAmount
}
