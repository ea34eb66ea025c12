package com.powerkg.credit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How credit is rated (docs/credit-rating.md; defaults in application.yaml).
 *
 * @param gradeCutoffs        PD upper bounds of AAA, AA, A and B (ascending); C is everything above the last
 * @param decisionThreshold   PD at or above which a customer counts as a predicted defaulter in the confusion matrix
 * @param aucFloor            a champion with a held-out AUC below this does not replace the published ratings
 * @param heldOutPercent      share of the labelled customers kept out of training to measure the models
 * @param splitSeed           which customers are held out (by a hash of id and seed); also the boosted trees' seed
 * @param minimumPerClass     fewer defaulters or non-defaulters than this in training: no model, no ratings
 * @param reasons             reason codes per rating
 * @param batchSize           ratings written per transaction
 * @param model               AUTO: the champion by held-out AUC, seed 001's FISHER kept while within
 *                            {@code championMargin} of the best; or one model by name
 * @param championMargin      how much better in held-out AUC a challenger must be to replace FISHER
 * @param outcomeWindowMonths a credit outcome says whether the customer defaulted within this many months after its
 *                            date; its label is known, and used, only once that window has ended
 * @param scorecard           binning and which indicators enter the models
 * @param challengers         the logistic regression's and the boosted trees' settings
 * @param drift               when the scored population differs from the trained one
 */
@ConfigurationProperties("powerkg.credit")
public record CreditProperties(@DefaultValue({"0.02", "0.05", "0.10", "0.20"}) List<Double> gradeCutoffs,
		@DefaultValue("0.20") double decisionThreshold, @DefaultValue("0.65") double aucFloor,
		@DefaultValue("30") int heldOutPercent, @DefaultValue("42") long splitSeed, @DefaultValue("10") int minimumPerClass,
		@DefaultValue("3") int reasons, @DefaultValue("2000") int batchSize, @DefaultValue("AUTO") ModelChoice model,
		@DefaultValue("0.01") double championMargin, @DefaultValue("12") int outcomeWindowMonths,
		@DefaultValue Scorecard scorecard, @DefaultValue Challengers challengers, @DefaultValue Drift drift) {

	public static final CreditProperties DEFAULTS = new CreditProperties(List.of(0.02, 0.05, 0.10, 0.20), 0.20, 0.65, 30, 42, 10, 3,
			2000, ModelChoice.AUTO, 0.01, 12, Scorecard.DEFAULTS, Challengers.DEFAULTS, Drift.DEFAULTS);

	/** Which model rates. */
	public enum ModelChoice {

		AUTO, FISHER, LOGISTIC, BOOSTED_TREES

	}

	/**
	 * @param maxBins        bins per indicator at most (missing not counted)
	 * @param fineBins       quantile bins the binning starts from
	 * @param minBinShare    a bin holds at least this share of the training rows with a value
	 * @param minBinRows     and at least this many rows
	 * @param minMissingRows a missing bin with fewer training rows gets WoE 0 (the population average)
	 * @param minimumIv      an indicator with a smaller information value does not enter the models
	 */
	public record Scorecard(@DefaultValue("6") int maxBins, @DefaultValue("20") int fineBins, @DefaultValue("0.05") double minBinShare,
			@DefaultValue("50") int minBinRows, @DefaultValue("50") int minMissingRows, @DefaultValue("0.02") double minimumIv) {

		public static final Scorecard DEFAULTS = new Scorecard(6, 20, 0.05, 50, 50, 0.02);

		public Scorecard {
			if (maxBins < 2 || fineBins < maxBins || minBinShare < 0 || minBinShare >= 0.5 || minBinRows < 1 || minMissingRows < 1
					|| minimumIv < 0) {
				throw new IllegalArgumentException("powerkg.credit.scorecard: need max-bins >= 2, fine-bins >= max-bins, "
						+ "min-bin-share in 0..0.5, min-bin-rows and min-missing-rows >= 1, minimum-iv >= 0");
			}
		}

		Binning.Settings binning() {
			return new Binning.Settings(this.maxBins, this.fineBins, this.minBinShare, this.minBinRows, this.minMissingRows);
		}

	}

	/**
	 * @param enabled          train the challengers at all (FISHER is always trained)
	 * @param logisticLambda   L2 penalty of the logistic regression
	 * @param trees            boosted trees in the ensemble
	 * @param maxNodes         leaves per tree at most
	 * @param nodeSize         training rows per leaf at least
	 * @param shrinkage        learning rate
	 * @param subsample        share of the rows each tree sees
	 * @param sampleRows       the boosted trees train on at most this many rows (a random sample of the training rows)
	 */
	public record Challengers(@DefaultValue("true") boolean enabled, @DefaultValue("1.0") double logisticLambda,
			@DefaultValue("150") int trees, @DefaultValue("8") int maxNodes, @DefaultValue("25") int nodeSize,
			@DefaultValue("0.05") double shrinkage, @DefaultValue("0.7") double subsample, @DefaultValue("50000") int sampleRows) {

		public static final Challengers DEFAULTS = new Challengers(true, 1.0, 150, 8, 25, 0.05, 0.7, 50_000);

		public Challengers {
			if (trees < 1 || maxNodes < 2 || nodeSize < 1 || !(shrinkage > 0 && shrinkage <= 1) || !(subsample > 0 && subsample <= 1)
					|| sampleRows < 100 || logisticLambda < 0) {
				throw new IllegalArgumentException("powerkg.credit.challengers: need trees >= 1, max-nodes >= 2, node-size >= 1, "
						+ "shrinkage and subsample in (0, 1], sample-rows >= 100, logistic-lambda >= 0");
			}
		}

		BoostedTrees.Settings boosting() {
			return new BoostedTrees.Settings(this.trees, this.maxNodes, this.nodeSize, this.shrinkage, this.subsample, this.sampleRows);
		}

	}

	/** What a run does with its ratings when the drift gate fires. */
	public enum DriftAction {

		/** rate with the new model and mark every rating and the run as flagged */
		PUBLISH_FLAGGED,
		/** keep serving the previous ratings (none when there are none), as when the model fails its AUC floor */
		KEEP_PREVIOUS

	}

	/**
	 * @param psi                  a population stability index above this on an important indicator fires the gate
	 * @param importantIv          an indicator the champion uses with at least this information value is important
	 * @param noRecentHistoryShare more than this share of scored customers without a recent bill fires the gate
	 * @param action               what the run does then
	 */
	public record Drift(@DefaultValue("0.25") double psi, @DefaultValue("0.10") double importantIv,
			@DefaultValue("0.5") double noRecentHistoryShare, @DefaultValue("PUBLISH_FLAGGED") DriftAction action) {

		public static final Drift DEFAULTS = new Drift(0.25, 0.10, 0.5, DriftAction.PUBLISH_FLAGGED);

		public Drift {
			if (!(psi > 0) || importantIv < 0 || noRecentHistoryShare < 0 || noRecentHistoryShare > 1) {
				throw new IllegalArgumentException("powerkg.credit.drift: need psi > 0, important-iv >= 0, no-recent-history-share in 0..1");
			}
		}

	}

	public CreditProperties {
		gradeCutoffs = List.copyOf(gradeCutoffs);
		if (gradeCutoffs.size() != 4) {
			throw new IllegalArgumentException("powerkg.credit.grade-cutoffs needs 4 PD bounds (AAA, AA, A, B), got " + gradeCutoffs);
		}
		for (int i = 0; i < 4; i++) {
			if (!(gradeCutoffs.get(i) > (i == 0 ? 0 : gradeCutoffs.get(i - 1)) && gradeCutoffs.get(i) < 1)) {
				throw new IllegalArgumentException("powerkg.credit.grade-cutoffs must rise strictly between 0 and 1, got " + gradeCutoffs);
			}
		}
		if (heldOutPercent < 5 || heldOutPercent > 50) {
			throw new IllegalArgumentException("powerkg.credit.held-out-percent must be 5..50, was " + heldOutPercent);
		}
		if (aucFloor < 0 || aucFloor > 1 || decisionThreshold <= 0 || decisionThreshold >= 1) {
			throw new IllegalArgumentException("powerkg.credit.auc-floor must be 0..1 and decision-threshold between 0 and 1");
		}
		if (outcomeWindowMonths < 1 || outcomeWindowMonths > 120) {
			throw new IllegalArgumentException("powerkg.credit.outcome-window-months must be 1..120, was " + outcomeWindowMonths);
		}
		if (championMargin < 0 || championMargin > 0.5) {
			throw new IllegalArgumentException("powerkg.credit.champion-margin must be 0..0.5, was " + championMargin);
		}
	}

	public CreditProperties withAucFloor(double floor) {
		return new CreditProperties(this.gradeCutoffs, this.decisionThreshold, floor, this.heldOutPercent, this.splitSeed,
				this.minimumPerClass, this.reasons, this.batchSize, this.model, this.championMargin, this.outcomeWindowMonths,
				this.scorecard, this.challengers, this.drift);
	}

	public CreditProperties withModel(ModelChoice choice) {
		return new CreditProperties(this.gradeCutoffs, this.decisionThreshold, this.aucFloor, this.heldOutPercent, this.splitSeed,
				this.minimumPerClass, this.reasons, this.batchSize, choice, this.championMargin, this.outcomeWindowMonths,
				this.scorecard, this.challengers, this.drift);
	}

	public CreditProperties withOutcomeWindowMonths(int months) {
		return new CreditProperties(this.gradeCutoffs, this.decisionThreshold, this.aucFloor, this.heldOutPercent, this.splitSeed,
				this.minimumPerClass, this.reasons, this.batchSize, this.model, this.championMargin, months, this.scorecard,
				this.challengers, this.drift);
	}

	public CreditProperties withDrift(Drift drift) {
		return new CreditProperties(this.gradeCutoffs, this.decisionThreshold, this.aucFloor, this.heldOutPercent, this.splitSeed,
				this.minimumPerClass, this.reasons, this.batchSize, this.model, this.championMargin, this.outcomeWindowMonths,
				this.scorecard, this.challengers, drift);
	}

	public CreditProperties withSplitSeed(long seed) {
		return new CreditProperties(this.gradeCutoffs, this.decisionThreshold, this.aucFloor, this.heldOutPercent, seed,
				this.minimumPerClass, this.reasons, this.batchSize, this.model, this.championMargin, this.outcomeWindowMonths,
				this.scorecard, this.challengers, this.drift);
	}

	double[] cutoffs() {
		return this.gradeCutoffs.stream().mapToDouble(Double::doubleValue).toArray();
	}

	CreditTraining.Settings training() {
		return new CreditTraining.Settings(this.scorecard.binning(), this.scorecard.minimumIv(), this.challengers.logisticLambda(),
				this.challengers.boosting(), this.splitSeed);
	}

	boolean heldOut(String customerId) {
		return Math.floorMod((customerId + "|" + this.splitSeed).hashCode() * 31 + 7, 100) < this.heldOutPercent;
	}

}
