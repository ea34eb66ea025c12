// One customer and everything around it, for the graph view: its portrait in the published run (tags, segments,
// channel mix, credit rating; earlier runs' are kept beside them and left out here), where it is, its bills with
// payments and channels, dunning contacts and work orders. Parameter: :param customerId => 'C00000042'
OPTIONAL MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (c:Customer {id: $customerId})
RETURN c,
       COLLECT { MATCH p = (c)-[x:HAS_TAG|IN_SEGMENT|USED_CHANNEL]->() WHERE x.run = run.id RETURN p } AS portrait,
       COLLECT { MATCH p = (c)-[r:RATED]->() WHERE r.run = run.creditRun RETURN p } AS rating,
       COLLECT { MATCH p = (c)-[:IN_REGION|IN_INDUSTRY]->() RETURN p } AS place,
       COLLECT { MATCH p = (c)-[:BILLED]->(:Bill)<-[:SETTLES]-(:Payment)-[:VIA]->(:Channel) RETURN p LIMIT 30 } AS billing,
       COLLECT { MATCH p = (c)-[:RECEIVED]->(:DunningContact)-[:CONCERNS]->(:Bill) RETURN p } AS dunning,
       COLLECT { MATCH p = (c)-[:RAISED]->(:WorkOrder)-[:VIA]->(:Channel) RETURN p } AS orders;
