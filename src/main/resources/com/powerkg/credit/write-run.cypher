// The credit figures of a run: what was served, the model and its held-out quality.
MATCH (r:AnalyticsRun {id: $run})
SET r += $properties
