package com.powerkg.ingest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.powerkg.contract.ContractCodes;

import static com.powerkg.ingest.Column.Type.*;
import static com.powerkg.ingest.Column.optional;
import static com.powerkg.ingest.Column.optionalEnum;
import static com.powerkg.ingest.Column.required;
import static com.powerkg.ingest.Column.requiredEnum;

/**
 * The import files of DATA-CONTRACT.md, in the order they are imported (later files refer to earlier ones).
 * Each knows its columns, its natural key and the Cypher that checks references and writes a batch.
 */
public enum ContractFile {

	CUSTOMERS("customers.csv", row -> (String) row.get("customer_id"), List.of(
			required("customer_id", STRING),
			optional("name", STRING).maxLength(100),
			optional("phone", STRING).maxLength(30),
			requiredEnum("usage_category", ContractCodes.names(ContractCodes.UsageCategory.class)),
			optional("industry_code", STRING).maxLength(16),
			optional("voltage_kv", POSITIVE_DECIMAL).range("0", "1000"),
			optional("contract_capacity_kva", NON_NEGATIVE_DECIMAL).range("0", "100000000"),
			optionalEnum("importance", ContractCodes.names(ContractCodes.Importance.class), "NONE"),
			requiredEnum("payment_mode", ContractCodes.names(ContractCodes.PaymentMode.class)),
			optional("region", STRING).maxLength(64),
			optional("opened_on", DATE),
			optionalEnum("social_credit", ContractCodes.names(ContractCodes.SocialCredit.class), null),
			optional("asset_liability_ratio", NON_NEGATIVE_DECIMAL).range("0", "100"),
			optional("current_ratio", NON_NEGATIVE_DECIMAL).range("0", "1000"),
			optional("return_on_net_assets", DECIMAL).range("-100", "100"),
			optional("loan_on_time_rate", NON_NEGATIVE_DECIMAL).range("0", "1"),
			optional("reactive_compensation", BOOLEAN),
			optional("calibration_on_schedule", BOOLEAN),
			optional("equipment_accidents", NON_NEGATIVE_INTEGER).range("0", "100000"))),

	CONSUMPTION("consumption.csv", row -> row.get("customer_id") + "|" + row.get("month"), List.of(
			required("customer_id", STRING),
			required("month", MONTH),
			required("kwh", NON_NEGATIVE_DECIMAL).range("0", "10000000000"),
			optional("peak_kwh", NON_NEGATIVE_DECIMAL).range("0", "10000000000"),
			optional("flat_kwh", NON_NEGATIVE_DECIMAL).range("0", "10000000000"),
			optional("valley_kwh", NON_NEGATIVE_DECIMAL).range("0", "10000000000"))),

	BILLS("bills.csv", row -> (String) row.get("bill_id"), List.of(
			required("bill_id", STRING),
			required("customer_id", STRING),
			required("period", MONTH),
			required("issued_on", DATE),
			required("due_on", DATE),
			required("amount", MONEY).range("-1000000000", "1000000000"),
			optionalEnum("anomaly", ContractCodes.names(ContractCodes.Anomaly.class), "NONE"))),

	PAYMENTS("payments.csv", row -> (String) row.get("payment_id"), List.of(
			required("payment_id", STRING),
			required("customer_id", STRING),
			optional("bill_id", STRING),
			required("paid_at", TIMESTAMP),
			required("amount", POSITIVE_MONEY).range("0.01", "1000000000"),
			requiredEnum("channel", ContractCodes.names(ContractCodes.PaymentChannel.class)),
			requiredEnum("kind", ContractCodes.names(ContractCodes.PaymentKind.class)))),

	DUNNING_CONTACTS("dunning_contacts.csv", row -> (String) row.get("contact_id"), List.of(
			required("contact_id", STRING),
			required("customer_id", STRING),
			optional("bill_id", STRING),
			required("contacted_at", TIMESTAMP),
			required("round", ROUND),
			requiredEnum("method", ContractCodes.names(ContractCodes.ContactMethod.class)),
			required("reached", BOOLEAN),
			optionalEnum("response", ContractCodes.names(ContractCodes.DunningResponse.class), "NONE"))),

	WORK_ORDERS("work_orders.csv", row -> (String) row.get("order_id"), List.of(
			required("order_id", STRING),
			required("customer_id", STRING),
			required("created_at", TIMESTAMP),
			requiredEnum("type", ContractCodes.names(ContractCodes.WorkOrderType.class)),
			optionalEnum("topic", ContractCodes.names(ContractCodes.WorkOrderTopic.class), "OTHER"),
			requiredEnum("channel", ContractCodes.names(ContractCodes.WorkOrderChannel.class)))),

	CREDIT_OUTCOMES("credit_outcomes.csv", row -> row.get("customer_id") + "|" + row.get("observed_on"), List.of(
			required("customer_id", STRING),
			required("observed_on", DATE),
			required("defaulted", ZERO_ONE)));

	private final String fileName;

	private final Function<Map<String, Object>, String> naturalKey;

	private final List<Column> columns;

	ContractFile(String fileName, Function<Map<String, Object>, String> naturalKey, List<Column> columns) {
		this.fileName = fileName;
		this.naturalKey = naturalKey;
		this.columns = columns;
	}

	public String fileName() {
		return this.fileName;
	}

	public List<Column> columns() {
		return this.columns;
	}

	/** Its rows link to nodes every batch shares (Region, Industry, Channel): written apart, by one thread. */
	boolean linksSharedNodes() {
		return this == CUSTOMERS || this == PAYMENTS || this == WORK_ORDERS;
	}

	/** Only customers.csv must be present; every other file is optional. */
	public boolean mandatory() {
		return this == CUSTOMERS;
	}

	/** The natural key of a validated row: duplicate detection within one file, and the {@code key} the bulk load writes. */
	String naturalKey(Map<String, Object> row) {
		return this.naturalKey.apply(row);
	}

	/** Name of the key for messages ("customer_id", "customer_id+month"). */
	String keyDescription() {
		return switch (this) {
			case CONSUMPTION -> "customer_id+month";
			case CREDIT_OUTCOMES -> "customer_id+observed_on";
			default -> this.columns.getFirst().name();
		};
	}

	/** Base name of the Cypher resources {@code <base>.cypher} (write) and {@code <base>-check.cypher}. */
	String cypherBaseName() {
		return this.fileName.substring(0, this.fileName.length() - ".csv".length()).replace('_', '-');
	}

}
