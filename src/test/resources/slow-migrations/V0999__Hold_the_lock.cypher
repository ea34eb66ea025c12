// Test only (MigrationLockCrashTest): a script that runs for minutes, so that a process is killed while it holds the
// migration lock. It changes nothing.
UNWIND range(1, 4000000000) AS i
WITH i WHERE i < 0
RETURN count(i);
