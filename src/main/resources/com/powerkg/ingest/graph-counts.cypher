// The graph's counts per label and per relationship type, from the count store (no scan): the import report's `graph`.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
RETURN [n IN data.nodes WHERE n.label IS NOT NULL | [n.label, n.count]] AS labels,
       [r IN data.relationships WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL
          | [r.relationshipType, r.count]] AS relationships
