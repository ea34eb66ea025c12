package com.powerkg.generate;

import java.util.SplittableRandom;

/** A fixed discrete distribution over values; weights need not sum to 1. */
final class Weighted<T> {

	private final Object[] values;
	private final double[] cumulative;

	private Weighted(Object[] values, double[] weights) {
		this.values = values;
		this.cumulative = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		for (int i = 0; i < cumulative.length; i++) {
			cumulative[i] /= sum;
		}
	}

	/** Alternating value, weight pairs: {@code of(A, 0.8, B, 0.2)}. */
	static <T> Weighted<T> of(Object... valueWeightPairs) {
		if (valueWeightPairs.length == 0 || valueWeightPairs.length % 2 != 0) {
			throw new IllegalArgumentException("expected value, weight pairs");
		}
		int n = valueWeightPairs.length / 2;
		Object[] values = new Object[n];
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = valueWeightPairs[2 * i];
			weights[i] = ((Number) valueWeightPairs[2 * i + 1]).doubleValue();
		}
		return new Weighted<>(values, weights);
	}

	@SuppressWarnings("unchecked")
	T pick(SplittableRandom rng) {
		double x = rng.nextDouble();
		for (int i = 0; i < cumulative.length - 1; i++) {
			if (x < cumulative[i]) {
				return (T) values[i];
			}
		}
		return (T) values[values.length - 1];
	}

	@SuppressWarnings("unchecked")
	T pickExcept(SplittableRandom rng, T excluded) {
		for (int attempt = 0; attempt < 64; attempt++) {
			T value = pick(rng);
			if (!value.equals(excluded)) {
				return value;
			}
		}
		for (Object value : values) {
			if (!value.equals(excluded)) {
				return (T) value;
			}
		}
		return excluded;
	}

	int size() {
		return values.length;
	}
}
