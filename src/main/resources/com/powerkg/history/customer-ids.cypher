// Next batch of customers in id order (keyset paging, so each batch costs the same).
MATCH (c:Customer)
WHERE $after IS NULL OR c.id > $after
RETURN c.id AS id
ORDER BY id
LIMIT $size
