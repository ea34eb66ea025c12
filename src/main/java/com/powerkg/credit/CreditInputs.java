package com.powerkg.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.powerkg.history.CustomerHistory;

/**
 * What the credit stage needs of the run's one pass over the histories: every customer's indicators as of the run's
 * date D (to be rated), for every credit outcome whose window has ended by D the customer's indicators as of the day
 * before the outcome was observed (to train on, so nothing after it leaks in), and how many outcomes were seen whose
 * window had not ended (their label was not known on D), by observation date.
 *
 * @param windowMonths the outcome window the labels were judged by
 * @param pending      outcomes whose window ends after D, counted per observation date
 */
public record CreditInputs(List<Scored> scored, List<Labelled> labelled, int windowMonths, Map<LocalDate, Long> pending) {

	/**
	 * A customer to rate: raw indicators as of D ({@link CreditIndicators}).
	 *
	 * @param recent whether a bill was issued in the months just before D ({@link CreditIndicators#recentHistory})
	 */
	public record Scored(String customerId, double[] raw, boolean recent) {
	}

	/** A training row: raw indicators as of the day before {@code observedOn}, and whether the customer defaulted. */
	public record Labelled(String customerId, LocalDate observedOn, int defaulted, double[] raw) {
	}

	/**
	 * The inputs of one batch of histories.
	 *
	 * @param windowMonths an outcome says whether the customer defaulted within this many months after its date
	 *                     (credit_outcomes.csv: 12); its label is known only once that window has ended
	 */
	public static CreditInputs of(List<CustomerHistory> batch, LocalDate asOf, int windowMonths) {
		List<Scored> scored = new ArrayList<>(batch.size());
		List<Labelled> labelled = new ArrayList<>();
		Map<LocalDate, Long> pending = new TreeMap<>();
		for (CustomerHistory history : batch) {
			scored.add(new Scored(history.customerId(), CreditIndicators.compute(history, asOf),
					CreditIndicators.recentHistory(history, asOf)));
			for (CustomerHistory.Outcome outcome : history.outcomes()) {
				if (windowEnded(outcome.observedOn(), windowMonths, asOf)) {
					LocalDate before = outcome.observedOn().minusDays(1);
					labelled.add(new Labelled(history.customerId(), outcome.observedOn(), outcome.defaulted() ? 1 : 0,
							CreditIndicators.compute(history, before)));
				}
				else {
					pending.merge(outcome.observedOn(), 1L, Long::sum);
				}
			}
		}
		return new CreditInputs(scored, labelled, windowMonths, pending);
	}

	/** The day the window of an outcome observed on that day ends: "the 12 months after observed_on" end 12 months later. */
	public static LocalDate windowEnd(LocalDate observedOn, int windowMonths) {
		return observedOn.plusMonths(windowMonths);
	}

	/** The label is known on D when its window has ended by the end of D. */
	static boolean windowEnded(LocalDate observedOn, int windowMonths, LocalDate asOf) {
		return !windowEnd(observedOn, windowMonths).isAfter(asOf);
	}

	/** The inputs of all batches, in their order. */
	public static CreditInputs concat(List<CreditInputs> batches) {
		List<Scored> scored = new ArrayList<>();
		List<Labelled> labelled = new ArrayList<>();
		Map<LocalDate, Long> pending = new TreeMap<>();
		int window = batches.isEmpty() ? 0 : batches.getFirst().windowMonths();
		for (CreditInputs batch : batches) {
			scored.addAll(batch.scored());
			labelled.addAll(batch.labelled());
			batch.pending().forEach((day, n) -> pending.merge(day, n, Long::sum));
		}
		return new CreditInputs(scored, labelled, window, pending);
	}

}
