// One customer and everything around it, for the graph view. Parameter: :param customerId => 'C00000042'
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH billing = (c)-[:BILLED]->(b:Bill)<-[:SETTLES]-(:Payment)-[:VIA]->(:Channel)
OPTIONAL MATCH dunning = (c)-[:RECEIVED]->(:DunningContact)-[:CONCERNS]->(:Bill)
OPTIONAL MATCH orders = (c)-[:RAISED]->(:WorkOrder)-[:VIA]->(:Channel)
OPTIONAL MATCH place = (c)-[:IN_REGION|IN_INDUSTRY]->()
RETURN c, collect(DISTINCT billing)[..30] AS billing, collect(DISTINCT dunning) AS dunning,
       collect(DISTINCT orders) AS orders, collect(DISTINCT place) AS place;
