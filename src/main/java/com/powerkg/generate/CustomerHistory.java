package com.powerkg.generate;

import com.powerkg.contract.ContractCodes.Anomaly;
import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.contract.ContractCodes.DunningResponse;
import com.powerkg.contract.ContractCodes.PaymentChannel;
import com.powerkg.contract.ContractCodes.WorkOrderChannel;
import com.powerkg.contract.ContractCodes.WorkOrderTopic;
import com.powerkg.contract.ContractCodes.WorkOrderType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one customer did during the simulated months. One instance is reused for all customers,
 * so memory stays flat however many customers are generated. Times are epoch seconds (local), energy is
 * in 0.01 kWh and money in cents.
 */
final class CustomerHistory {

	/** No bill: the event is a prepaid top-up or a low-balance warning. */
	static final int NO_PERIOD = -1;

	/** A payment of {@code cents} towards the bill of {@code period}, or a top-up when period is NO_PERIOD. */
	record Payment(long paidAt, long cents, int period, PaymentChannel channel) {
	}

	record Contact(long contactedAt, int period, int round, ContactMethod method, boolean reached,
				   DunningResponse response) {

		Contact withResponse(DunningResponse newResponse) {
			return new Contact(contactedAt, period, round, method, reached, newResponse);
		}
	}

	record WorkOrder(long createdAt, WorkOrderType type, WorkOrderTopic topic, WorkOrderChannel channel) {
	}

	final long[] kwh;
	final long[] peakKwh;
	final long[] flatKwh;
	final long[] valleyKwh;
	final long[] amountCents;
	final Anomaly[] anomaly;
	final long[] issueDay;
	final List<Payment> payments = new ArrayList<>();
	final List<Contact> contacts = new ArrayList<>();
	final List<WorkOrder> workOrders = new ArrayList<>();
	/** Whether the customer seriously defaults in the outcome window (credit_outcomes.csv), from {@link CreditBehaviour}. */
	boolean defaulted;

	CustomerHistory(int months) {
		kwh = new long[months];
		peakKwh = new long[months];
		flatKwh = new long[months];
		valleyKwh = new long[months];
		amountCents = new long[months];
		anomaly = new Anomaly[months];
		issueDay = new long[months];
	}

	void reset() {
		Arrays.fill(anomaly, Anomaly.NONE);
		payments.clear();
		contacts.clear();
		workOrders.clear();
		defaulted = false;
	}

	/** Ids are numbered in time order; List.sort is stable, so ties keep their (deterministic) insertion order. */
	void sortChronologically() {
		payments.sort(Comparator.comparingLong(Payment::paidAt));
		contacts.sort(Comparator.comparingLong(Contact::contactedAt));
		workOrders.sort(Comparator.comparingLong(WorkOrder::createdAt));
	}

	/** Mean of the positive bills, at least one yuan: what a prepaid customer budgets a month with. */
	long averagePositiveBillCents() {
		long sum = 0;
		int count = 0;
		for (long cents : amountCents) {
			if (cents > 0) {
				sum += cents;
				count++;
			}
		}
		return count == 0 ? 100 : Math.max(100, sum / count);
	}
}
