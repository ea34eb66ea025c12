// Taking the publication node's write lock serializes run starts, also across processes sharing the database.
MERGE (p:Publication {name: 'current'})
SET p.lastStartRequest = $id
