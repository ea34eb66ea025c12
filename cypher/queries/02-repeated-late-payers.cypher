// Customers with 3 or more overdue bills among those issued in the 6 months before $asOf
// (overdue = settled after the due date, or still unpaid and $asOf is past the due date; SPEC §3).
// Parameter: :param asOf => date('2026-11-20')
MATCH (c:Customer {paymentMode: 'POSTPAID'})-[:BILLED]->(b:Bill)
WHERE b.issuedOn > $asOf - duration({months: 6}) AND b.issuedOn <= $asOf AND b.amount > 0
OPTIONAL MATCH (b)<-[:SETTLES]-(p:Payment)
WHERE p.paidAt <= localdatetime({date: $asOf, time: localtime('23:59:59')})
WITH c, b, sum(p.amount) AS paid, max(p.paidAt) AS lastPaidAt
WITH c, b,
     CASE WHEN paid >= b.amount - 0.005 THEN date(lastPaidAt) > b.dueOn ELSE $asOf > b.dueOn END AS overdue
WITH c, count(CASE WHEN overdue THEN 1 END) AS overdueBills, count(b) AS bills
WHERE overdueBills >= 3
RETURN c.id AS customer, c.usageCategory AS category, c.region AS region, overdueBills, bills
ORDER BY overdueBills DESC, customer
LIMIT 100;
