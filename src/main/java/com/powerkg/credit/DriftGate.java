package com.powerkg.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does the population being rated look like the one the model was trained on? The population stability index of
 * every indicator over its bins (training rows against scored customers, {@link Binning#populationStability}) and the
 * share of scored customers without a recent bill. The gate fires when an important indicator (one the champion uses,
 * with an information value of at least {@code importantIv}) shifts by more than {@code psi}, or when more than
 * {@code noRecentHistoryShare} of the scored customers have no recent history. Pure: counts in, verdict out.
 */
public final class DriftGate {

	/**
	 * @param psi                   per indicator (indicator order), NaN when a population is empty
	 * @param scoredCounts          per indicator, scored customers per bin (the missing bin last)
	 * @param shifted               important indicators whose PSI is above the threshold
	 * @param withoutRecentHistory  scored customers without a bill in the months just before D
	 * @param reasons               why the gate fired, in words; empty when it did not
	 */
	public record Check(double[] psi, long[][] scoredCounts, List<CreditIndicator> shifted, long scored, long withoutRecentHistory,
			List<String> reasons) {

		public boolean fired() {
			return !this.reasons.isEmpty();
		}

		public double shareWithoutRecentHistory() {
			return this.scored == 0 ? 0 : (double) this.withoutRecentHistory / this.scored;
		}

	}

	private DriftGate() {
	}

	/**
	 * @param model  the champion: its bins (fitted on the training rows) and its columns
	 * @param scored raw indicators of the customers to rate
	 * @param recent for each of them, whether they have recent history
	 */
	public static Check check(CreditModel model, List<double[]> scored, boolean[] recent, CreditProperties.Drift settings) {
		int n = CreditModel.N;
		double[] psi = new double[n];
		long[][] counts = new long[n][];
		List<CreditIndicator> shifted = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (int j = 0; j < n; j++) {
			Bins b = model.bins().get(j);
			counts[j] = b.count(CreditTraining.column(scored, j));
			psi[j] = Binning.populationStability(b.rows(), counts[j]);
			CreditIndicator indicator = b.indicator();
			if (model.used().contains(indicator) && b.informationValue() >= settings.importantIv() && psi[j] > settings.psi()) {
				shifted.add(indicator);
				reasons.add(String.format(Locale.ROOT, "%s shifted: population stability index %.2f above %.2f (information value %.2f)",
						indicator, psi[j], settings.psi(), b.informationValue()));
			}
		}
		long without = 0;
		for (boolean r : recent) {
			without += r ? 0 : 1;
		}
		double share = recent.length == 0 ? 0 : (double) without / recent.length;
		if (share > settings.noRecentHistoryShare()) {
			reasons.add(String.format(Locale.ROOT, "%.0f %% of the scored customers (%,d of %,d) have no bill issued in the %d months "
					+ "before the as-of date: their indicators describe their last bills, not their present", 100 * share, without,
					recent.length, CreditIndicators.RECENT_MONTHS));
		}
		return new Check(psi, counts, List.copyOf(shifted), recent.length, without, List.copyOf(reasons));
	}

}
