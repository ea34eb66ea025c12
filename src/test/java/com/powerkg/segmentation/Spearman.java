package com.powerkg.segmentation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Spearman's rank correlation with average ranks for ties (for tests that check an ordering against measurements). */
final class Spearman {

	private Spearman() {
	}

	static double of(double[] a, double[] b) {
		double[] ra = ranks(a);
		double[] rb = ranks(b);
		double ma = Arrays.stream(ra).average().orElse(0);
		double mb = Arrays.stream(rb).average().orElse(0);
		double cov = 0;
		double va = 0;
		double vb = 0;
		for (int i = 0; i < a.length; i++) {
			cov += (ra[i] - ma) * (rb[i] - mb);
			va += (ra[i] - ma) * (ra[i] - ma);
			vb += (rb[i] - mb) * (rb[i] - mb);
		}
		return cov / Math.sqrt(va * vb);
	}

	static double[] ranks(double[] values) {
		Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
		double[] ranks = new double[values.length];
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
				j++;
			}
			for (int t = i; t <= j; t++) {
				ranks[order[t]] = (i + j) / 2.0 + 1;
			}
			i = j + 1;
		}
		return ranks;
	}

}
