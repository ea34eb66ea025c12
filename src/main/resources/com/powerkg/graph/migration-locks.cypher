// The neo4j-migrations locks present (a lock left by a process that died blocks every later start until cleared).
MATCH (l:__Neo4jMigrationsLock)
RETURN l.id AS id
ORDER BY id
