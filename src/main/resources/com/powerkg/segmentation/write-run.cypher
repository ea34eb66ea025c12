// The segmentation settings and timings of a run, as numbers: seed, restarts, max iterations, silhouette sample,
// size limits of a level, the stable growth band, months without consumption that make a customer STOPPED.
MATCH (r:AnalyticsRun {id: $run})
SET r.segmentSeed = $seed, r.segmentRestarts = $restarts, r.segmentMaxIterations = $maxIterations,
    r.segmentSilhouetteSample = $silhouetteSample, r.segmentMaxLevelShare = $maxLevelShare,
    r.segmentMinLevelShare = $minLevelShare, r.segmentStableGrowthBand = $stableGrowthBand,
    r.segmentStoppedMonths = $stoppedMonths, r.featureSeconds = $featureSeconds, r.segmentSeconds = $segmentSeconds
