// The segmentation figures of a run: seed, k per dimension, imputed values per feature, timings.
MATCH (r:AnalyticsRun {id: $run})
SET r.segmentSeed = $segmentSeed, r.segmentParameters = $segmentParameters, r.segmentK = $segmentK, r.imputedValues = $imputedValues,
    r.featureSeconds = $featureSeconds, r.segmentSeconds = $segmentSeconds
