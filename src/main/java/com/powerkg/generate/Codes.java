package com.powerkg.generate;

/**
 * The enumerated codes of DATA-CONTRACT.md that the generator writes. Constant names are the
 * contract's codes, so a row writes {@code name()}.
 */
final class Codes {

	private Codes() {
	}

	enum Importance { SPECIAL, FIRST, SECOND, TEMPORARY, NONE }

	enum Anomaly { NONE, OWNERSHIP_TRANSFER, SMALL_AMOUNT, REFUND_ADJUSTMENT }

	enum PaymentChannel { COUNTER, BANK_DEBIT, ONLINE_APP, WECHAT, ALIPAY, ACCOUNT_MANAGER, OTHER }

	enum PaymentKind { BILL, TOPUP }

	enum ContactMethod { SMS, PHONE, ONSITE, WRITTEN_NOTICE }

	enum DunningResponse {
		NONE, REFUSES_ALL_DUNNING, REFUSES_PHONE, REFUSES_THIS_MONTH, CONTACT_UPDATED, CONTACT_ADDED
	}

	enum WorkOrderType { CONSULTATION, COMPLAINT, FAULT_REPAIR, PRAISE, SUGGESTION, OPINION }

	enum WorkOrderTopic { TARIFF, POWER_QUALITY, BILLING, OUTAGE, SERVICE, OTHER }

	enum WorkOrderChannel { HOTLINE_95598, ONLINE_APP, WECHAT, COUNTER, GOV_HOTLINE_12345, ACCOUNT_MANAGER }
}
