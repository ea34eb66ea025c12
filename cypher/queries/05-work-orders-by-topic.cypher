// 95598 work orders by usage category, type and topic: where are complaints about power quality or billing?
MATCH (c:Customer)-[:RAISED]->(w:WorkOrder)
RETURN c.usageCategory AS category, w.type AS type, w.topic AS topic, count(w) AS orders
ORDER BY orders DESC;
