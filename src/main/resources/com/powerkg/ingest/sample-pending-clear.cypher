// The sample's analysis has finished (sample-pending-mark.cypher).
MATCH (p:SampleAnalysisPending)
DELETE p
