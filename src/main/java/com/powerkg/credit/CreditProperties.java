package com.powerkg.credit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How credit is rated (docs/credit-rating.md).
 *
 * @param gradeCutoffs       PD upper bounds of AAA, AA, A and B (ascending); C is everything above the last
 * @param decisionThreshold  PD at or above which a customer counts as a predicted defaulter in the confusion matrix
 * @param aucFloor           a model with a held-out AUC below this does not replace the published ratings
 * @param heldOutPercent     share of the labelled customers kept out of training to measure the model
 * @param splitSeed          which customers are held out (by a hash of id and seed)
 * @param minimumPerClass    fewer defaulters or non-defaulters than this in training: no model, no ratings
 * @param reasons            reason codes per rating
 * @param batchSize          customers read and written per transaction
 * @param model              FISHER (seed 001's discriminant, default) or LOGISTIC rates the customers; the other is
 *                           trained too and its held-out quality recorded for comparison
 */
@ConfigurationProperties("powerkg.credit")
public record CreditProperties(@DefaultValue({"0.02", "0.05", "0.10", "0.20"}) List<Double> gradeCutoffs,
		@DefaultValue("0.20") double decisionThreshold, @DefaultValue("0.65") double aucFloor,
		@DefaultValue("30") int heldOutPercent, @DefaultValue("42") long splitSeed, @DefaultValue("10") int minimumPerClass,
		@DefaultValue("3") int reasons, @DefaultValue("2000") int batchSize, @DefaultValue("FISHER") CreditModel.Kind model) {

	public static final CreditProperties DEFAULTS = new CreditProperties(List.of(0.02, 0.05, 0.10, 0.20), 0.20, 0.65, 30, 42, 10, 3,
			2000, CreditModel.Kind.FISHER);

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
	}

	double[] cutoffs() {
		return this.gradeCutoffs.stream().mapToDouble(Double::doubleValue).toArray();
	}

	boolean heldOut(String customerId) {
		return Math.floorMod((customerId + "|" + this.splitSeed).hashCode() * 31 + 7, 100) < this.heldOutPercent;
	}

}
