MATCH (cat:TagCategory)
RETURN cat.code AS code, cat.nameZh AS nameZh, cat.nameEn AS nameEn,
       COLLECT {
         MATCH (t:Tag)-[:IN_CATEGORY]->(cat)
         WITH t ORDER BY t.ordinal
         RETURN {code: t.code, nameZh: t.nameZh, nameEn: t.nameEn, description: t.description,
                 broader: COLLECT { MATCH (t)-[:BROADER]->(b:Tag) RETURN b.code },
                 parameters: COLLECT { MATCH (t)-[:HAS_PARAMETER]->(p:RuleParameter) WITH p ORDER BY p.name
                                       RETURN {name: p.name, value: p.value, unit: p.unit, description: p.description} }}
       } AS tags
ORDER BY cat.ordinal
