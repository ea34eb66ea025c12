// Postpaid bills open on D: issued by D and due at most 12 months before D (older arrears are for the arrears and
// legal process, not for dunning rounds), with what is still unpaid and the dunning contacts made about each (a round
// counts as made only when its contact reached the customer). Unpaid on D: its payments had not covered it by the end
// of D (openUntil, bill-open-until.cypher), an index range over the bills still open or paid since, not every bill of
// the year; what is still unpaid is then summed from the payments made by then.
MATCH (b:Bill)
USING INDEX b:Bill(openUntil)
WHERE b.openUntil >= $until AND b.dueOn >= $from AND b.issuedOn <= $asOf AND b.amount > 0.005
MATCH (c:Customer)-[:BILLED]->(b)
WHERE c.paymentMode = 'POSTPAID'
WITH c, b, reduce(paid = 0.0, p IN [p IN COLLECT { MATCH (b)<-[:SETTLES]-(p:Payment) RETURN p } WHERE p.paidAt < $until] | paid + p.amount) AS paid
WHERE paid < b.amount - 0.005
RETURN c.id AS customerId, b.id AS billId, b.dueOn AS dueOn, b.amount - paid AS open,
       [d IN COLLECT { MATCH (b)<-[:CONCERNS]-(d:DunningContact) RETURN d } WHERE d.contactedAt < $until |
        {round: d.round, method: d.method, reached: d.reached}] AS contacts
