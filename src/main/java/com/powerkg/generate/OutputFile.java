package com.powerkg.generate;

import java.util.List;

/** The files of DATA-CONTRACT.md, in the contract's order, with exactly its columns. */
enum OutputFile {

	CUSTOMERS("customers.csv", "customer_id", "name", "phone", "usage_category", "industry_code", "voltage_kv",
			"contract_capacity_kva", "importance", "payment_mode", "region", "opened_on", "social_credit",
			"asset_liability_ratio", "current_ratio", "return_on_net_assets", "loan_on_time_rate",
			"reactive_compensation", "calibration_on_schedule", "equipment_accidents"),
	CONSUMPTION("consumption.csv", "customer_id", "month", "kwh", "peak_kwh", "flat_kwh", "valley_kwh"),
	BILLS("bills.csv", "bill_id", "customer_id", "period", "issued_on", "due_on", "amount", "anomaly"),
	PAYMENTS("payments.csv", "payment_id", "customer_id", "bill_id", "paid_at", "amount", "channel", "kind"),
	DUNNING_CONTACTS("dunning_contacts.csv", "contact_id", "customer_id", "bill_id", "contacted_at", "round",
			"method", "reached", "response"),
	WORK_ORDERS("work_orders.csv", "order_id", "customer_id", "created_at", "type", "topic", "channel"),
	CREDIT_OUTCOMES("credit_outcomes.csv", "customer_id", "observed_on", "defaulted");

	private final String fileName;
	private final List<String> columns;

	OutputFile(String fileName, String... columns) {
		this.fileName = fileName;
		this.columns = List.of(columns);
	}

	String fileName() {
		return fileName;
	}

	List<String> columns() {
		return columns;
	}
}
