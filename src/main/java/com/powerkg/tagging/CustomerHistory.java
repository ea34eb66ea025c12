package com.powerkg.tagging;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * What the tag rules see of one customer: bills with the payments that settle them, all payments (top-ups
 * included) and dunning contacts, as loaded from the graph for one as-of date.
 */
public record CustomerHistory(String customerId, boolean prepaid, List<Bill> bills, List<Payment> payments,
		List<Contact> contacts) {

	public record Bill(String id, YearMonth period, LocalDate issuedOn, LocalDate dueOn, double amount, String anomaly,
			List<Payment> payments) {
	}

	/** A bill payment or a prepaid top-up ({@code kind} BILL or TOPUP). */
	public record Payment(String id, LocalDateTime paidAt, double amount, String channel, String kind) {

		boolean topUp() {
			return "TOPUP".equals(this.kind);
		}

	}

	public record Contact(String id, LocalDateTime contactedAt, int round, String method, boolean reached,
			String response) {
	}

}
