// Whether a start imported the sample in transactions and ended before its analysis (sample-pending-mark.cypher).
RETURN EXISTS { MATCH (:SampleAnalysisPending) } AS pending
