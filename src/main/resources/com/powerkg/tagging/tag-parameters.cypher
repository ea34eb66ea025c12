MATCH (t:Tag)-[:HAS_PARAMETER]->(p:RuleParameter)
RETURN t.code + '.' + p.name AS key, p.value AS value
ORDER BY key
