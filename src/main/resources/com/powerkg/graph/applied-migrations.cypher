// The versions the database recorded as applied, read without taking the migration lock.
MATCH (m:__Neo4jMigration)
WHERE m.version <> 'BASELINE'
RETURN m.version AS v
