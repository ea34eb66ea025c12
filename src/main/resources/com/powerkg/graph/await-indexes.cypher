// Waits until every index is online (after a bulk load the migrations create them on a full store), at most $seconds.
CALL db.awaitIndexes($seconds)
