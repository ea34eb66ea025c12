package com.powerkg.segmentation;

import java.util.Arrays;

/** Rows of {@link ValueFeatures#compute}'s shape for tests that need no history. */
final class TestRows {

	private TestRows() {
	}

	/**
	 * All features 1 except those given, and the usage facts of a customer consuming every month of the last 36.
	 * @param featureValuePairs feature, value, feature, value, ...
	 */
	static double[] row(Object... featureValuePairs) {
		double[] x = new double[ValueFeatures.WIDTH];
		Arrays.fill(x, 1);
		x[ValueFeatures.column(ValueFeatures.UsageFact.RECORDED_MONTHS)] = 36;
		x[ValueFeatures.column(ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO)] = 36;
		x[ValueFeatures.column(ValueFeatures.UsageFact.IDLE_MONTHS)] = 0;
		for (int i = 0; i < featureValuePairs.length; i += 2) {
			x[((Feature) featureValuePairs[i]).ordinal()] = ((Number) featureValuePairs[i + 1]).doubleValue();
		}
		return x;
	}

	/** The same with the usage facts given: months recorded, first consumption months ago, idle months. */
	static double[] withFacts(double[] row, int recorded, int firstUse, int idle) {
		double[] x = row.clone();
		x[ValueFeatures.column(ValueFeatures.UsageFact.RECORDED_MONTHS)] = recorded;
		x[ValueFeatures.column(ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO)] = firstUse;
		x[ValueFeatures.column(ValueFeatures.UsageFact.IDLE_MONTHS)] = idle;
		return x;
	}

}
