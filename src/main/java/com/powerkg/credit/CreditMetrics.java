package com.powerkg.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Quality of a credit model on held-out customers.
 *
 * @param auc         area under the ROC curve of the score (0.5 = guessing), ties counted half
 * @param ks          Kolmogorov-Smirnov statistic: the largest gap between the score distributions of defaulters and others
 * @param gini        2 · AUC − 1, as credit teams quote it
 * @param threshold   PD at or above which a customer is predicted to default (for the confusion matrix)
 * @param calibration the customers in ten groups by PD (lowest first): mean PD against the observed default rate
 */
public record CreditMetrics(int customers, int defaulters, double auc, double ks, double gini, double threshold, int truePositives,
		int falsePositives, int trueNegatives, int falseNegatives, List<Decile> calibration) {

	/** One tenth of the customers by PD. */
	public record Decile(int customers, double meanProbabilityOfDefault, double observedDefaultRate) {
	}

	public static CreditMetrics of(double[] score, double[] pd, int[] defaulted, double threshold) {
		int n = score.length;
		int positives = Arrays.stream(defaulted).sum();
		int negatives = n - positives;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
		// AUC by ranks (Mann-Whitney), average ranks for ties
		double rankSum = 0;
		for (int start = 0; start < n;) {
			int end = start;
			while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
				end++;
			}
			double averageRank = (start + end) / 2.0 + 1;
			for (int k = start; k <= end; k++) {
				if (defaulted[order[k]] == 1) {
					rankSum += averageRank;
				}
			}
			start = end + 1;
		}
		double auc = (positives == 0 || negatives == 0) ? Double.NaN
				: (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
		double ks = 0;
		int seenPositives = 0;
		int seenNegatives = 0;
		for (int k = 0; k < n; k++) {
			if (defaulted[order[k]] == 1) {
				seenPositives++;
			}
			else {
				seenNegatives++;
			}
			boolean lastOfTie = k == n - 1 || score[order[k + 1]] != score[order[k]];
			if (lastOfTie && positives > 0 && negatives > 0) {
				ks = Math.max(ks, Math.abs((double) seenNegatives / negatives - (double) seenPositives / positives));
			}
		}
		int tp = 0;
		int fp = 0;
		int tn = 0;
		int fn = 0;
		for (int i = 0; i < n; i++) {
			boolean predicted = pd[i] >= threshold;
			if (predicted && defaulted[i] == 1) {
				tp++;
			}
			else if (predicted) {
				fp++;
			}
			else if (defaulted[i] == 1) {
				fn++;
			}
			else {
				tn++;
			}
		}
		return new CreditMetrics(n, positives, auc, ks, 2 * auc - 1, threshold, tp, fp, tn, fn, deciles(pd, defaulted));
	}

	/** Ten groups by PD, as equal in size as they can be (the first n mod 10 one larger). */
	static List<Decile> deciles(double[] pd, int[] defaulted) {
		int n = pd.length;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> pd[i]));
		List<Decile> deciles = new ArrayList<>();
		int start = 0;
		for (int d = 0; d < 10 && start < n; d++) {
			int size = n / 10 + (d < n % 10 ? 1 : 0);
			if (size == 0) {
				continue;
			}
			double sumPd = 0;
			int bad = 0;
			for (int k = start; k < start + size; k++) {
				sumPd += pd[order[k]];
				bad += defaulted[order[k]];
			}
			deciles.add(new Decile(size, sumPd / size, (double) bad / size));
			start += size;
		}
		return deciles;
	}

}
