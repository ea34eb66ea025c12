package com.powerkg.strategy;

import java.util.List;

/**
 * Facts to ask strategies for without a customer (campaign design). Segments as DIMENSION and LEVEL pairs.
 */
public record StrategyProfile(List<Segment> segments, List<String> tags, String creditGrade, List<String> needs,
		String preferredChannel) {

	public record Segment(String dimension, String level) {
	}

	public StrategyProfile {
		segments = (segments != null) ? List.copyOf(segments) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

}
