package com.powerkg.strategy;

import java.util.List;

/** A strategy that applies, why (one readable path per condition), and the alternatives it beat. */
public record StrategyMatch(Strategy strategy, List<String> because, int specificity, List<Strategy> outranked) {
}
