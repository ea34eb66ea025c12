// Clears the given neo4j-migrations locks (those of a process known to be gone).
MATCH (l:__Neo4jMigrationsLock)
WHERE l.id IN $ids
DELETE l
