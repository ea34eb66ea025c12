package com.powerkg.segmentation;

import java.time.YearMonth;
import java.util.List;

import com.powerkg.tagging.CustomerHistory;

/**
 * What the value features and credit indicators need of one customer as of a date: master data from
 * customers.csv, the billing, payment and dunning history (bills of the last 12 periods, payments and contacts of
 * the last 12 months), monthly consumption of up to 36 months, and the 95598 work orders of the last 12 months (all,
 * and the complaints about power quality, outages or billing).
 */
public record CustomerFacts(String customerId, String usageCategory, String importance, Double voltageKv,
		Double contractCapacityKva, String industryCode, String region, CustomerHistory history,
		List<MonthlyUsage> consumption, int workOrders, int qualityComplaints, Enterprise enterprise) {

	public CustomerFacts(String customerId, String usageCategory, String importance, Double voltageKv,
			Double contractCapacityKva, String industryCode, String region, CustomerHistory history,
			List<MonthlyUsage> consumption, int workOrders) {
		this(customerId, usageCategory, importance, voltageKv, contractCapacityKva, industryCode, region, history, consumption,
				workOrders, 0, Enterprise.NONE);
	}

	/** One month of consumption.csv; {@code peakKwh} null when the meter reports no time-of-use split. */
	public record MonthlyUsage(YearMonth month, double kwh, Double peakKwh) {
	}

	/** The enterprise columns of customers.csv; null = blank. */
	public record Enterprise(Double assetLiabilityRatio, Double currentRatio, Double returnOnNetAssets,
			Double loanOnTimeRate, Boolean reactiveCompensation, Boolean calibrationOnSchedule, Long equipmentAccidents,
			String socialCredit) {

		public static final Enterprise NONE = new Enterprise(null, null, null, null, null, null, null, null);

	}

}
