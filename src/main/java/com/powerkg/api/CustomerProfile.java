package com.powerkg.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * A customer's master data as stored on the {@code :Customer} node. Personal fields hold the raw values; the
 * controller masks them on the way out.
 */
public record CustomerProfile(String id, String name, String phone, String usageCategory, String industryCode,
		Double voltageKv, Double contractCapacityKva, String importance, String paymentMode, String region,
		LocalDate openedOn, String socialCredit, EnterpriseFinancials financials) {

	public record EnterpriseFinancials(Double assetLiabilityRatio, Double currentRatio, Double returnOnNetAssets,
			Double loanOnTimeRate, Boolean reactiveCompensation, Boolean calibrationOnSchedule,
			Long equipmentAccidents) {

		boolean isEmpty() {
			return this.assetLiabilityRatio == null && this.currentRatio == null && this.returnOnNetAssets == null
					&& this.loanOnTimeRate == null && this.reactiveCompensation == null
					&& this.calibrationOnSchedule == null && this.equipmentAccidents == null;
		}

	}

	static CustomerProfile fromNode(Map<String, Object> c) {
		var financials = new EnterpriseFinancials((Double) c.get("assetLiabilityRatio"), (Double) c.get("currentRatio"),
				(Double) c.get("returnOnNetAssets"), (Double) c.get("loanOnTimeRate"),
				(Boolean) c.get("reactiveCompensation"), (Boolean) c.get("calibrationOnSchedule"),
				(Long) c.get("equipmentAccidents"));
		return new CustomerProfile((String) c.get("id"), (String) c.get("name"), (String) c.get("phone"),
				(String) c.get("usageCategory"), (String) c.get("industryCode"), (Double) c.get("voltageKv"),
				(Double) c.get("contractCapacityKva"), (String) c.get("importance"), (String) c.get("paymentMode"),
				(String) c.get("region"), (LocalDate) c.get("openedOn"), (String) c.get("socialCredit"),
				financials.isEmpty() ? null : financials);
	}

}
