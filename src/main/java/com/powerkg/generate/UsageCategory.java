package com.powerkg.generate;

/** 用电类别 with the tariff and seasonal load shape the generator bills it with. */
enum UsageCategory {

	// Residential peaks with air conditioning (Jul-Aug) and electric heating (Dec-Jan).
	RESIDENTIAL(0.56, 0.35,
			1.20, 1.10, 0.95, 0.85, 0.85, 1.00, 1.40, 1.45, 1.05, 0.85, 0.90, 1.15),
	// Shops and offices cool in summer and close for the Spring Festival (Feb).
	GENERAL_COMMERCIAL(0.75, 0.10,
			1.10, 0.85, 1.00, 0.95, 0.95, 1.05, 1.30, 1.30, 1.05, 0.95, 0.95, 1.05),
	// Process load is flat; the Spring Festival shutdown is the one dip.
	LARGE_INDUSTRIAL(0.65, 0.0,
			1.05, 0.85, 1.00, 1.00, 1.00, 1.02, 1.10, 1.10, 1.00, 1.00, 1.00, 1.05),
	// Irrigation pumps run in summer; greenhouses add a small winter bump.
	AGRICULTURAL(0.48, 0.20,
			0.80, 0.70, 0.80, 1.00, 1.10, 1.30, 1.60, 1.50, 1.10, 0.80, 0.70, 0.80);

	/** 两部制 basic charge of large industry, yuan per kVA of contract capacity and month. */
	static final double CAPACITY_CHARGE_YUAN_PER_KVA = 25.0;

	private final double tariffYuanPerKwh;
	private final double prepaidShare;
	private final double[] seasonalFactor;

	UsageCategory(double tariffYuanPerKwh, double prepaidShare, double... seasonalFactor) {
		this.tariffYuanPerKwh = tariffYuanPerKwh;
		this.prepaidShare = prepaidShare;
		this.seasonalFactor = seasonalFactor;
	}

	double tariffYuanPerKwh() {
		return tariffYuanPerKwh;
	}

	double prepaidShare() {
		return prepaidShare;
	}

	/** @param monthOfYear 1..12 */
	double seasonalFactor(int monthOfYear) {
		return seasonalFactor[monthOfYear - 1];
	}

	boolean isEnterprise() {
		return this != RESIDENTIAL;
	}

	/** Industry and commerce pay 峰谷分时电价; households and farms here pay a flat tariff. */
	boolean timeOfUsePricing() {
		return this == GENERAL_COMMERCIAL || this == LARGE_INDUSTRIAL;
	}
}
