// The five credit grades customers are RATED with; the PD cut-offs between them are settings
// (powerkg.credit.grade-cutoffs) recorded on each run, not graph data.
UNWIND [
  ['AAA', 1, '信用极好', 'Excellent credit'],
  ['AA', 2, '信用优良', 'Very good credit'],
  ['A', 3, '信用较好', 'Good credit'],
  ['B', 4, '信用一般', 'Fair credit: watch'],
  ['C', 5, '信用较差', 'Poor credit: likely to default']
] AS g
MERGE (n:CreditGrade {grade: g[0]})
SET n.ordinal = g[1], n.nameZh = g[2], n.nameEn = g[3];
