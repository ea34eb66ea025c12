// One page of customers in id order; the page asks for one more row than it shows to know if there is a next one.
MATCH (c:Customer)
WHERE ($after IS NULL OR c.id > $after)
  AND ($usageCategories IS NULL OR c.usageCategory IN $usageCategories)
  AND ($paymentMode IS NULL OR c.paymentMode = $paymentMode)
  AND ($regions IS NULL OR c.region IN $regions)
  AND ($importance IS NULL OR c.importance IN $importance)
RETURN properties(c) AS c
ORDER BY c.id
LIMIT $limit
