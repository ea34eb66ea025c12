MATCH (t:Tag) RETURN t.code AS code
