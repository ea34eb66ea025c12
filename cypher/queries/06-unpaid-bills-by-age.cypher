// Open arrears on $asOf by whole months since the bill was issued. Postpaid cut-off is lawful only after
// two months (seed 004), so the "2+" rows are the cut-off candidates. Parameter: :param asOf => date('2026-11-20')
MATCH (c:Customer {paymentMode: 'POSTPAID'})-[:BILLED]->(b:Bill)
WHERE b.amount > 0 AND b.issuedOn <= $asOf
OPTIONAL MATCH (b)<-[:SETTLES]-(p:Payment)
WHERE p.paidAt <= localdatetime({date: $asOf, time: localtime('23:59:59')})
WITH b, b.amount - coalesce(sum(p.amount), 0) AS open
WHERE open > 0.005
WITH duration.inMonths(b.issuedOn, $asOf).months AS monthsSinceIssue, open
RETURN CASE WHEN monthsSinceIssue >= 2 THEN '2+' ELSE toString(monthsSinceIssue) END AS monthsSinceIssue,
       count(*) AS bills, round(sum(open), 2) AS openAmountYuan
ORDER BY monthsSinceIssue;
