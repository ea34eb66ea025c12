package com.powerkg.tagging;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the tag rules see of one customer: bills with the payments that settle them, all payments (top-ups
 * included) and dunning contacts, as loaded from the graph for one as-of date.
 */
public record CustomerHistory(String customerId, boolean prepaid, List<Bill> bills, List<Payment> payments,
		List<Contact> contacts) {

	public record Bill(String id, YearMonth period, LocalDate issuedOn, LocalDate dueOn, double amount, String anomaly,
			List<Payment> payments) {

		private static final double CENT = 0.005;

		/** What was paid towards the bill up to the end of D. */
		public double paidBy(LocalDate asOf) {
			LocalDateTime until = asOf.plusDays(1).atStartOfDay();
			return this.payments.stream().filter(p -> p.paidAt().isBefore(until)).mapToDouble(Payment::amount).sum();
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

	/** A bill payment or a prepaid top-up ({@code kind} BILL or TOPUP). */
	public record Payment(String id, LocalDateTime paidAt, double amount, String channel, String kind) {

		public boolean topUp() {
			return "TOPUP".equals(this.kind);
		}

	}

	public record Contact(String id, LocalDateTime contactedAt, int round, String method, boolean reached,
			String response) {
	}

}
