package com.powerkg.segmentation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.powerkg.api.SegmentSizeLookup;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;

import org.springframework.stereotype.Component;

/**
 * Customers per segment level of the published run, for the query complexity of fields whose cost grows with a
 * segment ({@link GraphQlLimits#costs}). Read once per publication and kept for a few seconds, so pricing a query costs
 * no round-trip most of the time.
 */
@Component
public class SegmentSizes implements SegmentSizeLookup {

	private static final String SIZES = CypherResource.load(SegmentSizes.class, "segment-sizes.cypher");

	private static final long KEEP_NANOS = Duration.ofSeconds(10).toNanos();

	private final GraphReads reads;

	private record Known(long readAt, Map<String, Long> customers) {
	}

	private volatile Known known;

	SegmentSizes(GraphReads reads) {
		this.reads = reads;
	}

	@Override
	public long customers(String dimension, String level) {
		Known current = this.known;
		if (current == null || System.nanoTime() - current.readAt() > KEEP_NANOS) {
			Map<String, Long> sizes = new HashMap<>();
			this.reads.rows(SIZES, Map.of())
				.forEach(r -> sizes.put(r.get("dimension") + "|" + r.get("level"), ((Number) r.get("customers")).longValue()));
			current = new Known(System.nanoTime(), Map.copyOf(sizes));
			this.known = current;
		}
		return current.customers().getOrDefault(dimension + "|" + level, 0L);
	}

}
