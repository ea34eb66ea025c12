package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.Importance;

/**
 * One row of customers.csv plus the latent persona behind it.
 *
 * @param voltageCentiKv  supply voltage in 0.01 kV (22 = 0.22 kV)
 * @param openedOnDay     epoch day the account was opened
 * @param socialCredit    A/B/C/D, null when not rated (households, farmers)
 * @param financials      null unless the customer files a balance sheet
 * @param equipment       null for households
 * @param outcomeObserved whether credit_outcomes.csv has a row for the customer
 */
record Customer(
		String id,
		String name,
		String phone,
		UsageCategory category,
		String industryCode,
		long voltageCentiKv,
		long capacityKva,
		Importance importance,
		boolean prepaid,
		String region,
		long openedOnDay,
		String socialCredit,
		Financials financials,
		Equipment equipment,
		boolean outcomeObserved,
		Persona persona) {

	/** Ratios as in the annual report; 0.65 = 65 %. */
	record Financials(double assetLiabilityRatio, double currentRatio, double returnOnNetAssets, double loanOnTimeRate) {
	}

	/** Seed 001's technical indicators. */
	record Equipment(boolean reactiveCompensation, boolean calibrationOnSchedule, int accidentsLast3Years) {
	}

	/** "C" and the 1-based index, zero-padded to 8 digits: C00000001. */
	static String idOf(int index) {
		String digits = Integer.toString(index + 1);
		return digits.length() >= 8 ? "C" + digits : "C" + "00000000".substring(digits.length()) + digits;
	}
}
