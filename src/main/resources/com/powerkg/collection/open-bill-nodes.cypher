// The bills open-bills.cypher and other-customers.cypher start from, for the embedded database's own API to go on
// from (EmbeddedPlanReads), in one index seek for both: issued by D, of an amount, and not paid by the end of D by what
// openUntil says (the bills still open or paid since). A postpaid customer's bill due more than 12 months before D is
// left out there; whose bill it is, what is still owed and the rounds made are read from each node without Cypher, in
// parts on as many threads, each bill found again by its element id.
MATCH (b:Bill)
USING INDEX b:Bill(openUntil)
WHERE b.openUntil >= $until AND b.issuedOn <= $asOf AND b.amount > 0.005
RETURN elementId(b) AS b
