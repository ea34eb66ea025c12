package com.powerkg.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.powerkg.history.CustomerHistory;

/**
 * What the credit stage needs of the run's one pass over the histories: every customer's indicators as of the run's
 * date D (to be rated), and for every credit outcome whose window has ended by D the customer's indicators as of the
 * day before the outcome was observed (to train on, so nothing after it leaks in).
 */
public record CreditInputs(List<Scored> scored, List<Labelled> labelled) {

	/** A customer to rate: raw indicators as of D ({@link CreditIndicators}). */
	public record Scored(String customerId, double[] raw) {
	}

	/** A training row: raw indicators as of the day before {@code observedOn}, and whether the customer defaulted. */
	public record Labelled(String customerId, LocalDate observedOn, int defaulted, double[] raw) {
	}

	/** credit_outcomes.csv: "serious default in the 12 months after observed_on" (DATA-CONTRACT.md). */
	public static final int OUTCOME_WINDOW_MONTHS = 12;

	/** The inputs of one batch of histories. */
	public static CreditInputs of(List<CustomerHistory> batch, LocalDate asOf) {
		List<Scored> scored = new ArrayList<>(batch.size());
		List<Labelled> labelled = new ArrayList<>();
		for (CustomerHistory history : batch) {
			scored.add(new Scored(history.customerId(), CreditIndicators.compute(history, asOf)));
			for (CustomerHistory.Outcome outcome : history.outcomes()) {
				// the label is known on D only when its window has ended by D
				if (!outcome.observedOn().plusMonths(OUTCOME_WINDOW_MONTHS).isAfter(asOf.plusDays(1))) {
					LocalDate before = outcome.observedOn().minusDays(1);
					labelled.add(new Labelled(history.customerId(), outcome.observedOn(), outcome.defaulted() ? 1 : 0,
							CreditIndicators.compute(history, before)));
				}
			}
		}
		return new CreditInputs(scored, labelled);
	}

	/** The inputs of all batches, in their order. */
	public static CreditInputs concat(List<CreditInputs> batches) {
		List<Scored> scored = new ArrayList<>();
		List<Labelled> labelled = new ArrayList<>();
		for (CreditInputs batch : batches) {
			scored.addAll(batch.scored());
			labelled.addAll(batch.labelled());
		}
		return new CreditInputs(scored, labelled);
	}

}
