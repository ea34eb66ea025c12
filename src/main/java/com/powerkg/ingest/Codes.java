package com.powerkg.ingest;

import java.util.List;

import com.powerkg.contract.ContractCodes;

/**
 * Code lists of DATA-CONTRACT.md as the importer validates them: the names of the shared enums of {@link ContractCodes}.
 */
public final class Codes {

	public static final List<String> USAGE_CATEGORIES = ContractCodes.names(ContractCodes.UsageCategory.class);

	public static final List<String> IMPORTANCE = ContractCodes.names(ContractCodes.Importance.class);

	public static final List<String> PAYMENT_MODES = ContractCodes.names(ContractCodes.PaymentMode.class);

	public static final List<String> SOCIAL_CREDIT = ContractCodes.names(ContractCodes.SocialCredit.class);

	public static final List<String> ANOMALIES = ContractCodes.names(ContractCodes.Anomaly.class);

	public static final List<String> PAYMENT_CHANNELS = ContractCodes.names(ContractCodes.PaymentChannel.class);

	public static final List<String> PAYMENT_KINDS = ContractCodes.names(ContractCodes.PaymentKind.class);

	public static final List<String> CONTACT_METHODS = ContractCodes.names(ContractCodes.ContactMethod.class);

	public static final List<String> RESPONSES = ContractCodes.names(ContractCodes.DunningResponse.class);

	public static final List<String> WORK_ORDER_TYPES = ContractCodes.names(ContractCodes.WorkOrderType.class);

	public static final List<String> WORK_ORDER_TOPICS = ContractCodes.names(ContractCodes.WorkOrderTopic.class);

	public static final List<String> CONTACT_CHANNELS = ContractCodes.names(ContractCodes.WorkOrderChannel.class);

	private Codes() {
	}

}
