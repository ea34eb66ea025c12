package com.powerkg.generate;

import static com.powerkg.generate.PeriodCalendar.HOUR;

import com.powerkg.contract.ContractCodes.WorkOrderChannel;
import com.powerkg.contract.ContractCodes.WorkOrderTopic;
import com.powerkg.contract.ContractCodes.WorkOrderType;
import com.powerkg.generate.CustomerHistory.WorkOrder;
import java.util.SplittableRandom;

/**
 * 95598 work orders (work_orders.csv). Seed 003 reads price, power-quality, billing and outage
 * sensitivity out of them, so topics follow the persona's sensitivities and sensitive customers call more.
 */
final class WorkOrderModel {

	private static final double RESIDENTIAL_PER_YEAR = 0.3;
	private static final double ENTERPRISE_PER_YEAR = 2.0;
	private static final int MAX_ORDERS = 400;

	private static final WorkOrderTopic[] TOPICS = WorkOrderTopic.values();

	private static final Weighted<WorkOrderType> TARIFF_TYPES = Weighted.of(
			WorkOrderType.CONSULTATION, 60, WorkOrderType.COMPLAINT, 20, WorkOrderType.OPINION, 10, WorkOrderType.SUGGESTION, 10);
	private static final Weighted<WorkOrderType> QUALITY_TYPES = Weighted.of(
			WorkOrderType.COMPLAINT, 40, WorkOrderType.FAULT_REPAIR, 30, WorkOrderType.OPINION, 15, WorkOrderType.CONSULTATION, 15);
	private static final Weighted<WorkOrderType> BILLING_TYPES = Weighted.of(
			WorkOrderType.CONSULTATION, 55, WorkOrderType.COMPLAINT, 30, WorkOrderType.OPINION, 15);
	private static final Weighted<WorkOrderType> OUTAGE_TYPES = Weighted.of(
			WorkOrderType.FAULT_REPAIR, 60, WorkOrderType.COMPLAINT, 25, WorkOrderType.CONSULTATION, 15);
	private static final Weighted<WorkOrderType> SERVICE_TYPES = Weighted.of(
			WorkOrderType.PRAISE, 35, WorkOrderType.COMPLAINT, 25, WorkOrderType.SUGGESTION, 20, WorkOrderType.OPINION, 20);
	private static final Weighted<WorkOrderType> OTHER_TYPES = Weighted.of(
			WorkOrderType.CONSULTATION, 60, WorkOrderType.SUGGESTION, 25, WorkOrderType.PRAISE, 15);

	private static final Weighted<WorkOrderChannel> PUBLIC_CHANNELS = Weighted.of(
			WorkOrderChannel.HOTLINE_95598, 58, WorkOrderChannel.ONLINE_APP, 15, WorkOrderChannel.WECHAT, 12,
			WorkOrderChannel.COUNTER, 8, WorkOrderChannel.GOV_HOTLINE_12345, 7);
	private static final Weighted<WorkOrderChannel> MANAGED_CHANNELS = Weighted.of(
			WorkOrderChannel.ACCOUNT_MANAGER, 40, WorkOrderChannel.HOTLINE_95598, 40, WorkOrderChannel.ONLINE_APP, 10,
			WorkOrderChannel.GOV_HOTLINE_12345, 5, WorkOrderChannel.COUNTER, 5);

	private final PeriodCalendar calendar;

	WorkOrderModel(PeriodCalendar calendar) {
		this.calendar = calendar;
	}

	void simulate(Customer customer, CustomerHistory history, SplittableRandom rng) {
		Persona persona = customer.persona();
		long from = calendar.firstDay() * PeriodCalendar.SECONDS_PER_DAY;
		long span = calendar.extractEndSecond() - from;
		double years = span / (365.25 * PeriodCalendar.SECONDS_PER_DAY);
		double sensitivity = persona.priceSensitivity() + persona.qualitySensitivity() + persona.outageSensitivity();
		// Sensitivities average about 0.8 in sum, so the multiplier averages about 1.
		double perYear = (customer.category().isEnterprise() ? ENTERPRISE_PER_YEAR : RESIDENTIAL_PER_YEAR)
				* (0.4 + 0.75 * sensitivity);
		int count = Math.min(MAX_ORDERS, Randoms.poisson(rng, perYear * years));

		double[] topicWeights = {
			0.6 + 5 * persona.priceSensitivity(),
			0.3 + 5 * persona.qualitySensitivity(),
			0.6 + 2.5 * persona.priceSensitivity() + persona.risk(),
			0.6 + 5 * persona.outageSensitivity(),
			1.0,
			0.6
		};
		boolean managed = customer.category() == UsageCategory.LARGE_INDUSTRIAL;
		for (int i = 0; i < count; i++) {
			long createdAt = from + (long) (rng.nextDouble() * span);
			WorkOrderTopic topic = TOPICS[Randoms.weightedIndex(rng, topicWeights)];
			WorkOrderType type = typeFor(topic, rng);
			// Outside 06:00-23:00 only fault reports come in; the rest move into office hours.
			long secondOfDay = Math.floorMod(createdAt, PeriodCalendar.SECONDS_PER_DAY);
			if (type != WorkOrderType.FAULT_REPAIR && (secondOfDay < 6 * HOUR || secondOfDay >= 23 * HOUR)) {
				createdAt = createdAt - secondOfDay + 8 * HOUR + rng.nextInt(12 * 3600);
			}
			WorkOrderChannel channel = (managed ? MANAGED_CHANNELS : PUBLIC_CHANNELS).pick(rng);
			if (type == WorkOrderType.COMPLAINT && channel == WorkOrderChannel.HOTLINE_95598 && Randoms.chance(rng, 0.15)) {
				// Unresolved complaints escalate to the government hotline.
				channel = WorkOrderChannel.GOV_HOTLINE_12345;
			}
			history.workOrders.add(new WorkOrder(createdAt, type, topic, channel));
		}
	}

	private static WorkOrderType typeFor(WorkOrderTopic topic, SplittableRandom rng) {
		return switch (topic) {
			case TARIFF -> TARIFF_TYPES.pick(rng);
			case POWER_QUALITY -> QUALITY_TYPES.pick(rng);
			case BILLING -> BILLING_TYPES.pick(rng);
			case OUTAGE -> OUTAGE_TYPES.pick(rng);
			case SERVICE -> SERVICE_TYPES.pick(rng);
			case OTHER -> OTHER_TYPES.pick(rng);
		};
	}
}
