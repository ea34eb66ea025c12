package com.powerkg.portrait;

import java.util.List;

/**
 * A customer's level in one value dimension of the published run, as the portrait shows it (GraphQL
 * {@code SegmentMembership}).
 * @param distance null when the customer was not clustered; then {@code reason} says why
 */
public record SegmentMembership(String dimension, String level, String nameZh, Double distance, String reason, List<String> capped) {
}
