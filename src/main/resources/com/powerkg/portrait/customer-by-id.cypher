MATCH (c:Customer {id: $id})
RETURN properties(c) AS c
