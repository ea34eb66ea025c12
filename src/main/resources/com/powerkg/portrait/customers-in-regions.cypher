// Ids of the customers of some supply areas (uses the region index).
MATCH (c:Customer) WHERE c.region IN $regions
RETURN c.id AS id
