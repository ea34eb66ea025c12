package com.powerkg.generate;

import java.util.SplittableRandom;

/**
 * Seeding and the few distributions the generator draws from. Transcendental functions come from
 * {@link StrictMath} because {@link Math} may differ by an ulp between JIT intrinsics and platforms,
 * which would break byte-identical output.
 */
final class Randoms {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private Randoms() {
	}

	/** A customer's stream depends only on (seed, index): no shared state, no ordering effects. */
	static SplittableRandom forCustomer(long seed, long index) {
		return new SplittableRandom(splitmix64(splitmix64(seed) + (index + 1) * GOLDEN_GAMMA));
	}

	static long splitmix64(long z) {
		z += GOLDEN_GAMMA;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static boolean chance(SplittableRandom rng, double probability) {
		return rng.nextDouble() < probability;
	}

	static double uniform(SplittableRandom rng, double from, double to) {
		return from + (to - from) * rng.nextDouble();
	}

	/** Inclusive on both ends. */
	static int between(SplittableRandom rng, int from, int to) {
		return from + rng.nextInt(to - from + 1);
	}

	static double normal(SplittableRandom rng) {
		double u1 = 1.0 - rng.nextDouble();
		double u2 = rng.nextDouble();
		return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
	}

	/**
	 * Approximately standard normal (Irwin-Hall of 4 uniforms), bounded to +-3.46. Used for monthly
	 * noise, where it is called tens of millions of times and a bounded tail keeps kWh positive.
	 */
	static double quickNormal(SplittableRandom rng) {
		double sum = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
		return (sum - 2.0) * 1.7320508075688772;
	}

	static double exponential(SplittableRandom rng, double mean) {
		return -mean * StrictMath.log(1.0 - rng.nextDouble());
	}

	static int poisson(SplittableRandom rng, double lambda) {
		if (lambda <= 0) {
			return 0;
		}
		if (lambda > 30) {
			return Math.max(0, (int) Math.round(lambda + StrictMath.sqrt(lambda) * normal(rng)));
		}
		double limit = StrictMath.exp(-lambda);
		double product = rng.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= rng.nextDouble();
			count++;
		}
		return count;
	}

	static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	static <T> T pick(SplittableRandom rng, T[] values) {
		return values[rng.nextInt(values.length)];
	}

	/** Index drawn with probability proportional to {@code weights[i]}. */
	static int weightedIndex(SplittableRandom rng, double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = rng.nextDouble() * total;
		for (int i = 0; i < weights.length - 1; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}
}
