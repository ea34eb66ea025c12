package com.powerkg.segmentation;

import java.time.YearMonth;
import java.util.List;

import com.powerkg.tagging.CustomerHistory;

/**
 * What the value features need of one customer: master data from customers.csv, the billing, payment and dunning
 * history (bills of the last 12 periods, payments and contacts of the last 12 months), monthly consumption of up
 * to 36 months and the number of 95598 work orders in the last 12 months.
 */
public record CustomerFacts(String customerId, String usageCategory, String importance, Double voltageKv,
		Double contractCapacityKva, String industryCode, String region, CustomerHistory history,
		List<MonthlyUsage> consumption, int workOrders) {

	/** One month of consumption.csv; {@code peakKwh} null when the meter reports no time-of-use split. */
	public record MonthlyUsage(YearMonth month, double kwh, Double peakKwh) {
	}

}
