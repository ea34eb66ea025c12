// Written before the sample is imported in transactions (an empty database of an existing store, or an external
// one): a start that ends before the sample's analysis (Ctrl-C, a crash, a failing analysis) leaves it, and the next
// start imports the sample again (nothing is imported twice) and analyses it. A finished analysis deletes it
// (sample-pending-clear.cypher). The bulk load of a new embedded store leaves a file beside the store instead.
MERGE (p:SampleAnalysisPending)
SET p.directory = $directory, p.since = datetime()
