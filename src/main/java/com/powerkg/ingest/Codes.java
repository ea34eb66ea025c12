package com.powerkg.ingest;

import java.util.List;

/**
 * Code lists of DATA-CONTRACT.md. Kept as plain lists here because the importer only validates them;
 * the analytics issues turn the ones they reason about into shared enums.
 */
public final class Codes {

	public static final List<String> USAGE_CATEGORIES = List.of("RESIDENTIAL", "GENERAL_COMMERCIAL",
			"LARGE_INDUSTRIAL", "AGRICULTURAL");

	public static final List<String> IMPORTANCE = List.of("SPECIAL", "FIRST", "SECOND", "TEMPORARY", "NONE");

	public static final List<String> PAYMENT_MODES = List.of("PREPAID", "POSTPAID");

	public static final List<String> SOCIAL_CREDIT = List.of("A", "B", "C", "D");

	public static final List<String> ANOMALIES = List.of("NONE", "OWNERSHIP_TRANSFER", "SMALL_AMOUNT",
			"REFUND_ADJUSTMENT");

	public static final List<String> PAYMENT_CHANNELS = List.of("COUNTER", "BANK_DEBIT", "ONLINE_APP", "WECHAT",
			"ALIPAY", "ACCOUNT_MANAGER", "OTHER");

	public static final List<String> PAYMENT_KINDS = List.of("BILL", "TOPUP");

	public static final List<String> CONTACT_METHODS = List.of("SMS", "PHONE", "ONSITE", "WRITTEN_NOTICE");

	public static final List<String> RESPONSES = List.of("NONE", "REFUSES_ALL_DUNNING", "REFUSES_PHONE",
			"REFUSES_THIS_MONTH", "CONTACT_UPDATED", "CONTACT_ADDED");

	public static final List<String> WORK_ORDER_TYPES = List.of("CONSULTATION", "COMPLAINT", "FAULT_REPAIR",
			"PRAISE", "SUGGESTION", "OPINION");

	public static final List<String> WORK_ORDER_TOPICS = List.of("TARIFF", "POWER_QUALITY", "BILLING", "OUTAGE",
			"SERVICE", "OTHER");

	public static final List<String> CONTACT_CHANNELS = List.of("HOTLINE_95598", "ONLINE_APP", "WECHAT", "COUNTER",
			"GOV_HOTLINE_12345", "ACCOUNT_MANAGER");

	private Codes() {
	}

}
