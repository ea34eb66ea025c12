// Value segmentation (SPEC §4, seed 002), schema: Segment keys, and the run id every per-run result is found by.
CREATE CONSTRAINT segment_dimension_level IF NOT EXISTS FOR (n:Segment) REQUIRE (n.dimension, n.level) IS UNIQUE;
CREATE INDEX in_segment_run IF NOT EXISTS FOR ()-[m:IN_SEGMENT]-() ON (m.run);
CREATE INDEX segment_profile_run IF NOT EXISTS FOR (n:SegmentProfile) ON (n.run);
CREATE INDEX clustering_trial_run IF NOT EXISTS FOR (n:ClusteringTrial) ON (n.run);
CREATE INDEX segment_transition_run IF NOT EXISTS FOR (n:SegmentTransition) ON (n.run);
