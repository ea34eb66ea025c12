// One rule parameter of a tag, with its current value (its type decides how a new value is read).
MATCH (:Tag {code: $tag})-[:HAS_PARAMETER]->(p:RuleParameter {name: $name})
RETURN p.value AS value
