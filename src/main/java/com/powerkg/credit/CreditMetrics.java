package com.powerkg.credit;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Quality of a credit model on held-out customers.
 *
 * @param auc       area under the ROC curve of the score (0.5 = guessing), ties counted half
 * @param ks        Kolmogorov-Smirnov statistic: the largest gap between the score distributions of defaulters and others
 * @param threshold PD at or above which a customer is predicted to default (for the confusion matrix)
 */
public record CreditMetrics(int customers, int defaulters, double auc, double ks, double threshold, int truePositives,
		int falsePositives, int trueNegatives, int falseNegatives) {

	public static CreditMetrics of(double[] score, double[] pd, int[] defaulted, double threshold) {
		int n = score.length;
		int positives = Arrays.stream(defaulted).sum();
		int negatives = n - positives;
		Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
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
		return new CreditMetrics(n, positives, auc, ks, threshold, tp, fp, tn, fn);
	}

}
