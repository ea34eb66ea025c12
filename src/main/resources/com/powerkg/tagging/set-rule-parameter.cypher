// A steward changes a rule parameter; the change is kept beside it (who, when, from, to, why). The next analytics
// run reads the new value (docs/portrait-tags.md).
MATCH (:Tag {code: $tag})-[:HAS_PARAMETER]->(p:RuleParameter {name: $name})
CREATE (p)-[:CHANGED]->(:ParameterChange {at: localdatetime(), by: $by, from: toString(p.value), to: toString($value),
                                          reason: $reason})
SET p.value = $value, p.changedBy = $by, p.reason = $reason
RETURN p.name AS name, p.value AS value, p.unit AS unit, p.description AS description
