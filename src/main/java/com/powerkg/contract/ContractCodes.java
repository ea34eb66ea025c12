package com.powerkg.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The enumerated codes of DATA-CONTRACT.md, once for the whole product: the import validates against them, the
 * generator writes them, the collection plan reasons with them and the GraphQL enums of the same name carry exactly
 * these constants ({@code ContractCodesTest}). Constant names are the contract's codes, so a row holds {@code name()}.
 */
public final class ContractCodes {

	private ContractCodes() {
	}

	/** customers.csv usage_category */
	public enum UsageCategory { RESIDENTIAL, GENERAL_COMMERCIAL, LARGE_INDUSTRIAL, AGRICULTURAL }

	/** customers.csv importance */
	public enum Importance { SPECIAL, FIRST, SECOND, TEMPORARY, NONE }

	/** customers.csv payment_mode */
	public enum PaymentMode { PREPAID, POSTPAID }

	/** customers.csv social_credit */
	public enum SocialCredit { A, B, C, D }

	/** consumption.csv anomaly */
	public enum Anomaly { NONE, OWNERSHIP_TRANSFER, SMALL_AMOUNT, REFUND_ADJUSTMENT }

	/** payments.csv channel */
	public enum PaymentChannel { COUNTER, BANK_DEBIT, ONLINE_APP, WECHAT, ALIPAY, ACCOUNT_MANAGER, OTHER }

	/** payments.csv kind */
	public enum PaymentKind { BILL, TOPUP }

	/** dunning_contacts.csv method: how a collection task reaches the customer */
	public enum ContactMethod { SMS, PHONE, ONSITE, WRITTEN_NOTICE }

	/** dunning_contacts.csv response */
	public enum DunningResponse {
		NONE, REFUSES_ALL_DUNNING, REFUSES_PHONE, REFUSES_THIS_MONTH, CONTACT_UPDATED, CONTACT_ADDED
	}

	/** work_orders.csv type */
	public enum WorkOrderType { CONSULTATION, COMPLAINT, FAULT_REPAIR, PRAISE, SUGGESTION, OPINION }

	/** work_orders.csv topic */
	public enum WorkOrderTopic { TARIFF, POWER_QUALITY, BILLING, OUTAGE, SERVICE, OTHER }

	/** work_orders.csv channel */
	public enum WorkOrderChannel { HOTLINE_95598, ONLINE_APP, WECHAT, COUNTER, GOV_HOTLINE_12345, ACCOUNT_MANAGER }

	/** The codes of an enum above, in their order. */
	public static List<String> names(Class<? extends Enum<?>> codes) {
		return Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList();
	}

}
