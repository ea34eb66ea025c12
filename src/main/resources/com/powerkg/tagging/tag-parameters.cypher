MATCH (t:Tag)-[:HAS_PARAMETER]->(p:RuleParameter)
RETURN t.code AS tag, p.name AS name, p.value AS value
ORDER BY tag, name
