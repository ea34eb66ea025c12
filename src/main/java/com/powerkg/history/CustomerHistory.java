package com.powerkg.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.powerkg.contract.ContractCodes.PaymentKind;

/**
 * Everything the analytics know of one customer, read once per run ({@link HistoryReader}) and handed to every stage:
 * the tag rules, the value features and the credit indicators each take what they need of it as of their date. Only
 * what happened up to the run's as-of date is in it; a stage that looks at an earlier date (credit training, as of the
 * day before an outcome was observed) filters by that date itself.
 *
 * @param bills       bills issued up to the as-of date, in period order, each with the payments that settle it
 * @param payments    bill payments and prepaid top-ups, in time order
 * @param contacts    dunning contacts, in time order
 * @param consumption monthly kWh, in month order
 * @param workOrders  95598 work orders, in time order
 * @param outcomes    credit outcomes observed (credit_outcomes.csv), in date order
 */
public record CustomerHistory(Profile profile, List<Bill> bills, List<Payment> payments, List<Contact> contacts,
		List<MonthlyUsage> consumption, List<WorkOrder> workOrders, List<Outcome> outcomes) {

	/** Money below half a cent is nothing. */
	public static final double CENT = 0.005;

	public CustomerHistory {
		bills = List.copyOf(bills);
		payments = List.copyOf(payments);
		contacts = List.copyOf(contacts);
		consumption = List.copyOf(consumption);
		workOrders = List.copyOf(workOrders);
		outcomes = List.copyOf(outcomes);
	}

	/** A history of billing, payments and dunning only (rules that need no more; tests). */
	public static CustomerHistory of(String customerId, boolean prepaid, List<Bill> bills, List<Payment> payments,
			List<Contact> contacts) {
		return new CustomerHistory(Profile.minimal(customerId, prepaid), bills, payments, contacts, List.of(), List.of(), List.of());
	}

	public String customerId() {
		return this.profile.id();
	}

	public boolean prepaid() {
		return this.profile.prepaid();
	}

	/**
	 * The master data of customers.csv.
	 *
	 * @param enterprise the enterprise columns ({@link Enterprise#NONE} for a household)
	 */
	public record Profile(String id, String usageCategory, String importance, Double voltageKv, Double contractCapacityKva,
			String industryCode, String region, boolean prepaid, Enterprise enterprise) {

		public static Profile minimal(String id, boolean prepaid) {
			return new Profile(id, null, null, null, null, null, null, prepaid, Enterprise.NONE);
		}

	}

	/** The enterprise columns of customers.csv; null = blank. */
	public record Enterprise(Double assetLiabilityRatio, Double currentRatio, Double returnOnNetAssets, Double loanOnTimeRate,
			Boolean reactiveCompensation, Boolean calibrationOnSchedule, Long equipmentAccidents, String socialCredit) {

		public static final Enterprise NONE = new Enterprise(null, null, null, null, null, null, null, null);

	}

	public record Bill(String id, YearMonth period, LocalDate issuedOn, LocalDate dueOn, double amount, String anomaly,
			List<Payment> payments) {

		public Bill {
			payments = List.copyOf(payments);
		}

		/** What was paid towards the bill up to the end of D. */
		public double paidBy(LocalDate asOf) {
			LocalDateTime until = asOf.plusDays(1).atStartOfDay();
			double paid = 0;
			for (Payment p : this.payments) {
				if (p.paidAt().isBefore(until)) {
					paid += p.amount();
				}
			}
			return paid;
		}

		/** When the payments made up to D first add up to the bill's amount; empty if they never do. */
		public Optional<LocalDateTime> settledAt(LocalDate asOf) {
			LocalDateTime until = asOf.plusDays(1).atStartOfDay();
			double paid = 0;
			List<Payment> upToD = this.payments.stream()
				.filter(p -> p.paidAt().isBefore(until))
				.sorted(Comparator.comparing(Payment::paidAt))
				.toList();
			for (Payment p : upToD) {
				paid += p.amount();
				if (paid >= this.amount - CENT) {
					return Optional.of(p.paidAt());
				}
			}
			return Optional.empty();
		}

		/**
		 * Settled after its due date, or unsettled while D is past its due date. A bill of zero or negative amount
		 * needs no payment and is never overdue.
		 */
		public boolean overdueOn(LocalDate asOf) {
			if (this.amount <= CENT) {
				return false;
			}
			return settledAt(asOf).map(settled -> settled.toLocalDate().isAfter(this.dueOn))
				.orElse(asOf.isAfter(this.dueOn));
		}

	}

	/** A bill payment or a prepaid top-up ({@code kind} BILL or TOPUP); {@code billId} null for a top-up. */
	public record Payment(String id, LocalDateTime paidAt, double amount, String channel, String kind, String billId) {

		public Payment(String id, LocalDateTime paidAt, double amount, String channel, String kind) {
			this(id, paidAt, amount, channel, kind, null);
		}

		public boolean topUp() {
			return PaymentKind.TOPUP.name().equals(this.kind);
		}

	}

	/** A dunning contact (催费); {@code billId} the bill it concerns, if any. */
	public record Contact(String id, LocalDateTime contactedAt, int round, String method, boolean reached, String response,
			String billId) {

		public Contact(String id, LocalDateTime contactedAt, int round, String method, boolean reached, String response) {
			this(id, contactedAt, round, method, reached, response, null);
		}

	}

	/** One month of consumption.csv; {@code peakKwh} null when the meter reports no time-of-use split. */
	public record MonthlyUsage(YearMonth month, double kwh, Double peakKwh) {
	}

	/** A 95598 work order. */
	public record WorkOrder(LocalDateTime createdAt, String type, String topic, String channel) {
	}

	/** A credit outcome: defaulted (seriously) in the window after {@code observedOn}, or not. */
	public record Outcome(LocalDate observedOn, boolean defaulted) {
	}

}
