package com.powerkg.tagging;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.history.CustomerHistory;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Contact;
import com.powerkg.history.CustomerHistory.Payment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.powerkg.tagging.TagCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of SPEC §3 at its boundaries. The parameters are SPEC's defaults, written out here rather than taken
 * from the migration so that a change to the shipped taxonomy is a visible, deliberate test change.
 */
class TagRulesTest {

	static final LocalDate D = LocalDate.of(2026, 11, 20);

	static final Map<String, Object> SPEC_DEFAULTS = Map.ofEntries(
			Map.entry("BILLING_ANOMALY.anomalies", List.of("OWNERSHIP_TRANSFER", "SMALL_AMOUNT", "REFUND_ADJUSTMENT")),
			Map.entry("REPEATED_ARREARS.lookbackMonths", 6L), Map.entry("REPEATED_ARREARS.minOverdueBills", 3L),
			Map.entry("NO_FIXED_CHANNEL.cycles", 6L), Map.entry("NO_FIXED_CHANNEL.minChannels", 3L),
			Map.entry("SETTLES_EARLY.cycles", 6L), Map.entry("SETTLES_EARLY.minBills", 3L),
			Map.entry("SETTLES_EARLY.fromDay", 1L), Map.entry("SETTLES_EARLY.toDay", 10L),
			Map.entry("SETTLES_MID.cycles", 6L), Map.entry("SETTLES_MID.minBills", 3L),
			Map.entry("SETTLES_MID.fromDay", 11L), Map.entry("SETTLES_MID.toDay", 20L),
			Map.entry("SETTLES_LATE.cycles", 6L), Map.entry("SETTLES_LATE.minBills", 3L),
			Map.entry("SETTLES_LATE.fromDay", 21L), Map.entry("SETTLES_LATE.toDay", 31L),
			Map.entry("SMALL_FREQUENT_TOPUP.cycles", 6L), Map.entry("SMALL_FREQUENT_TOPUP.minBillToTopupRatio", 1.6),
			Map.entry("DUNNING_RESPONSIVE.lookbackMonths", 6L), Map.entry("DUNNING_RESPONSIVE.responseHours", 48L),
			Map.entry("CONTACT_UPDATED.lookbackMonths", 6L), Map.entry("CONTACT_ADDED.lookbackMonths", 6L));

	static TagRules rules() {
		return new TagRules(new TagParameters(SPEC_DEFAULTS));
	}

	/** A postpaid customer whose bill of month P is issued on the 2nd of P+1 and due at the end of P+1. */
	static final class Customer {

		final boolean prepaid;

		final List<Bill> bills = new ArrayList<>();

		final List<Payment> payments = new ArrayList<>();

		final List<Contact> contacts = new ArrayList<>();

		private int sequence;

		Customer(boolean prepaid) {
			this.prepaid = prepaid;
		}

		static Customer postpaid() {
			return new Customer(false);
		}

		static Customer prepaid() {
			return new Customer(true);
		}

		Customer bill(String period, double amount, String anomaly, LocalDateTime... paidAt) {
			YearMonth p = YearMonth.parse(period);
			String id = "B" + period;
			List<Payment> settling = new ArrayList<>();
			for (LocalDateTime at : paidAt) {
				Payment payment = new Payment("P" + (++this.sequence), at, amount / paidAt.length, "WECHAT", "BILL");
				settling.add(payment);
				this.payments.add(payment);
			}
			this.bills.add(new Bill(id, p, p.plusMonths(1).atDay(2), p.plusMonths(1).atEndOfMonth(), amount, anomaly, settling));
			return this;
		}

		Customer paidBill(String period, LocalDateTime... paidAt) {
			return bill(period, 100, "NONE", paidAt);
		}

		Customer payment(String channel, String kind, double amount, LocalDateTime at) {
			this.payments.add(new Payment("P" + (++this.sequence), at, amount, channel, kind));
			return this;
		}

		Customer contact(String method, boolean reached, String response, LocalDateTime at) {
			this.contacts.add(new Contact("D" + (++this.sequence), at, 1, method, reached, response));
			return this;
		}

		List<TagCode> tags() {
			return rules().evaluate(history(), D).stream().map(TagAssignment::code).toList();
		}

		List<TagAssignment> assignments() {
			return rules().evaluate(history(), D);
		}

		CustomerHistory history() {
			return CustomerHistory.of("C1", this.prepaid, this.bills, this.payments, this.contacts);
		}

	}

	static LocalDateTime at(String dateTime) {
		return LocalDateTime.parse(dateTime);
	}

	@Nested
	class RepeatedArrears {

		@Test
		void threeOverdueBillsInSixMonthsTagRepeatedArrearsWithThoseBillsAsEvidence() {
			var customer = Customer.postpaid()
				.paidBill("2026-05", at("2026-07-03T10:00:00"))   // due 06-30: late
				.paidBill("2026-06", at("2026-07-30T10:00:00"))   // on time
				.paidBill("2026-07", at("2026-09-01T10:00:00"))   // due 08-31: late
				.paidBill("2026-08", at("2026-10-01T00:00:00"));  // due 09-30: late

			assertThat(customer.assignments()).filteredOn(t -> t.code() == REPEATED_ARREARS)
				.singleElement()
				.satisfies(t -> assertThat(t.evidence()).containsExactly("B2026-05", "B2026-07", "B2026-08"));
		}

		@Test
		void twoOverdueBillsAreNotEnough() {
			var customer = Customer.postpaid()
				.paidBill("2026-05", at("2026-07-03T10:00:00"))
				.paidBill("2026-07", at("2026-09-01T10:00:00"))
				.paidBill("2026-08", at("2026-09-30T23:59:00"));  // last minute of the due date: on time

			assertThat(customer.tags()).doesNotContain(REPEATED_ARREARS);
		}

		@Test
		void anUnpaidBillPastItsDueDateIsOverdueButNotOneStillWithinIt() {
			var customer = Customer.postpaid()
				.paidBill("2026-06", at("2026-08-05T10:00:00"))
				.paidBill("2026-07", at("2026-09-05T10:00:00"))
				.paidBill("2026-09")                              // due 10-31, unpaid on 11-20: overdue
				.paidBill("2026-10");                             // due 11-30, unpaid: not yet overdue
			assertThat(customer.tags()).contains(REPEATED_ARREARS);
			assertThat(customer.assignments()).filteredOn(t -> t.code() == REPEATED_ARREARS)
				.singleElement()
				.satisfies(t -> assertThat(t.evidence()).containsExactly("B2026-06", "B2026-07", "B2026-09"));
		}

		@Test
		void paymentsAfterTheAsOfDateDoNotSettleABill() {
			var customer = Customer.postpaid()
				.paidBill("2026-06", at("2026-08-05T10:00:00"))
				.paidBill("2026-07", at("2026-09-05T10:00:00"))
				.paidBill("2026-09", at("2026-11-21T00:00:00"));  // the day after D: still unpaid on D

			assertThat(customer.tags()).contains(REPEATED_ARREARS);
		}

		@Test
		void billsIssuedMoreThanSixMonthsBeforeTheAsOfDateDoNotCount() {
			var customer = Customer.postpaid()
				.paidBill("2026-04", at("2026-06-10T10:00:00"))   // issued 05-02, before 05-20
				.paidBill("2026-06", at("2026-08-05T10:00:00"))
				.paidBill("2026-07", at("2026-09-05T10:00:00"));

			assertThat(customer.tags()).doesNotContain(REPEATED_ARREARS);
		}

		@Test
		void theSixMonthWindowStartsTheDayAfterDMinusSixMonths() {
			Customer onTheBoundary = Customer.postpaid()
				.paidBill("2026-06", at("2026-08-05T10:00:00")).paidBill("2026-07", at("2026-09-05T10:00:00"));
			onTheBoundary.bills.add(new Bill("B-0520", YearMonth.of(2026, 4), LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 31), 100, "NONE", List.of()));
			assertThat(onTheBoundary.tags()).as("issued on D - 6 months: outside").doesNotContain(REPEATED_ARREARS);

			Customer dayAfter = Customer.postpaid()
				.paidBill("2026-06", at("2026-08-05T10:00:00")).paidBill("2026-07", at("2026-09-05T10:00:00"));
			dayAfter.bills.add(new Bill("B-0521", YearMonth.of(2026, 4), LocalDate.of(2026, 5, 21), LocalDate.of(2026, 5, 31), 100, "NONE", List.of()));
			assertThat(dayAfter.tags()).as("issued the day after: inside").contains(REPEATED_ARREARS);
		}

		@Test
		void prepaidBillsAreSettledFromTheBalanceAndNeverOverdue() {
			var customer = Customer.prepaid().paidBill("2026-05").paidBill("2026-06").paidBill("2026-07").paidBill("2026-08");

			assertThat(customer.tags()).doesNotContain(REPEATED_ARREARS);
		}

		@Test
		void aPartialPaymentSettlesOnlyWhenTheLastPartArrives() {
			var customer = Customer.postpaid()
				.bill("2026-06", 100, "NONE", at("2026-07-20T10:00:00"), at("2026-08-03T10:00:00"))  // settled 08-03 > 07-31
				.paidBill("2026-07", at("2026-09-05T10:00:00"))
				.paidBill("2026-08", at("2026-10-05T10:00:00"));

			assertThat(customer.tags()).contains(REPEATED_ARREARS);
		}

	}

	@Nested
	class SettleHabit {

		@Test
		void daysTenAndElevenAndTwentyAndTwentyOneFallInTheirWindows() {
			var early = Customer.postpaid()
				.paidBill("2026-05", at("2026-06-10T23:00:00")).paidBill("2026-06", at("2026-07-01T08:00:00"))
				.paidBill("2026-07", at("2026-08-10T08:00:00")).paidBill("2026-08", at("2026-09-11T08:00:00"));
			assertThat(early.tags()).contains(SETTLES_EARLY).doesNotContain(SETTLES_MID, SETTLES_LATE);

			var mid = Customer.postpaid()
				.paidBill("2026-05", at("2026-06-11T08:00:00")).paidBill("2026-06", at("2026-07-20T23:59:00"))
				.paidBill("2026-07", at("2026-08-15T08:00:00")).paidBill("2026-08", at("2026-09-21T08:00:00"));
			assertThat(mid.tags()).contains(SETTLES_MID).doesNotContain(SETTLES_EARLY, SETTLES_LATE);

			var late = Customer.postpaid()
				.paidBill("2026-05", at("2026-06-21T00:00:00")).paidBill("2026-06", at("2026-07-31T08:00:00"))
				.paidBill("2026-07", at("2026-08-25T08:00:00")).paidBill("2026-08", at("2026-09-20T08:00:00"));
			assertThat(late.tags()).contains(SETTLES_LATE).doesNotContain(SETTLES_EARLY, SETTLES_MID);
		}

		@Test
		void aGapInBillingShortensTheWindowInsteadOfReachingFurtherBack() {
			var customer = Customer.postpaid()
				.paidBill("2025-12", at("2026-01-05T08:00:00")).paidBill("2026-01", at("2026-02-05T08:00:00"))
				.paidBill("2026-02", at("2026-03-05T08:00:00"))
				// no bills March..August
				.paidBill("2026-09", at("2026-10-05T08:00:00")).paidBill("2026-10", at("2026-11-05T08:00:00"));

			assertThat(customer.tags()).as("only 2026-05..2026-10 count, and they hold 2 early settlements")
				.doesNotContain(SETTLES_EARLY);
		}

		@Test
		void prepaidCustomersHaveNoSettleHabitEvenWithBillPayments() {
			var customer = Customer.prepaid()
				.paidBill("2026-07", at("2026-08-05T08:00:00")).paidBill("2026-08", at("2026-09-05T08:00:00"))
				.paidBill("2026-09", at("2026-10-05T08:00:00"));

			assertThat(customer.tags()).doesNotContain(SETTLES_EARLY);
		}

		@Test
		void twoBillsInAWindowAreNotAHabit() {
			var customer = Customer.postpaid()
				.paidBill("2026-05", at("2026-06-05T08:00:00")).paidBill("2026-06", at("2026-07-05T08:00:00"))
				.paidBill("2026-07", at("2026-08-15T08:00:00")).paidBill("2026-08", at("2026-09-25T08:00:00"));

			assertThat(customer.tags()).doesNotContain(SETTLES_EARLY, SETTLES_MID, SETTLES_LATE);
		}

		@Test
		void onlyTheLastSixCyclesCount() {
			var customer = Customer.postpaid()
				.paidBill("2026-01", at("2026-02-05T08:00:00")).paidBill("2026-02", at("2026-03-05T08:00:00"))
				.paidBill("2026-03", at("2026-04-05T08:00:00"))
				.paidBill("2026-04", at("2026-05-15T08:00:00")).paidBill("2026-05", at("2026-06-15T08:00:00"))
				.paidBill("2026-06", at("2026-07-15T08:00:00")).paidBill("2026-07", at("2026-08-25T08:00:00"))
				.paidBill("2026-08", at("2026-09-25T08:00:00")).paidBill("2026-09", at("2026-10-25T08:00:00"));

			assertThat(customer.tags()).contains(SETTLES_MID, SETTLES_LATE).doesNotContain(SETTLES_EARLY);
		}

	}

	@Nested
	class DunningResponse {

		@Test
		void paymentFortySevenHoursAfterAReachedCallIsAResponse() {
			var customer = Customer.postpaid()
				.contact("PHONE", true, "NONE", at("2026-11-01T10:00:00"))
				.payment("WECHAT", "BILL", 50, at("2026-11-03T09:00:00"));

			assertThat(customer.assignments()).filteredOn(t -> t.code() == DUNNING_RESPONSIVE)
				.singleElement()
				.satisfies(t -> assertThat(t.evidence()).hasSize(2));
			assertThat(customer.tags()).doesNotContain(DUNNING_UNRESPONSIVE);
		}

		@Test
		void paymentExactlyFortyEightHoursAfterIsStillAResponse() {
			var customer = Customer.postpaid()
				.contact("PHONE", true, "NONE", at("2026-11-01T10:00:00"))
				.payment("WECHAT", "BILL", 50, at("2026-11-03T10:00:00"));

			assertThat(customer.tags()).contains(DUNNING_RESPONSIVE).doesNotContain(DUNNING_UNRESPONSIVE);
		}

		@Test
		void paymentFortyNineHoursAfterIsNoResponse() {
			var customer = Customer.postpaid()
				.contact("SMS", true, "NONE", at("2026-11-01T10:00:00"))
				.payment("WECHAT", "BILL", 50, at("2026-11-03T11:00:00"));

			assertThat(customer.tags()).contains(DUNNING_UNRESPONSIVE).doesNotContain(DUNNING_RESPONSIVE);
		}

		@Test
		void unreachedAndInPersonContactsAreIgnoredInFavourOfTheLatestReachedCallOrText() {
			var customer = Customer.postpaid()
				.contact("PHONE", true, "NONE", at("2026-10-01T10:00:00"))
				.payment("WECHAT", "BILL", 50, at("2026-10-02T10:00:00"))
				.contact("SMS", false, "NONE", at("2026-11-01T10:00:00"))       // not reached
				.contact("ONSITE", true, "NONE", at("2026-11-05T10:00:00"));    // not phone/SMS

			assertThat(customer.tags()).contains(DUNNING_RESPONSIVE);
		}

		@Test
		void noTagWhileTheResponseWindowIsStillOpenOnTheAsOfDate() {
			var customer = Customer.postpaid().contact("PHONE", true, "NONE", at("2026-11-19T10:00:00"));

			assertThat(customer.tags()).doesNotContain(DUNNING_RESPONSIVE, DUNNING_UNRESPONSIVE);
		}

		@Test
		void contactsOnOrBeforeDMinusSixMonthsAreIgnored() {
			assertThat(Customer.postpaid().contact("PHONE", true, "NONE", at("2026-05-20T23:00:00")).tags())
				.doesNotContain(DUNNING_RESPONSIVE, DUNNING_UNRESPONSIVE);
			assertThat(Customer.postpaid().contact("PHONE", true, "NONE", at("2026-05-21T00:00:00")).tags())
				.contains(DUNNING_UNRESPONSIVE);
		}

	}

	@Nested
	class Channels {

		@Test
		void threeChannelsInTheLastSixCyclesMeanNoFixedChannel() {
			var customer = Customer.postpaid()
				.paidBill("2026-09", at("2026-10-05T08:00:00"))
				.payment("COUNTER", "BILL", 10, at("2026-10-06T08:00:00"))
				.payment("ALIPAY", "BILL", 10, at("2026-10-07T08:00:00"));

			assertThat(customer.assignments()).filteredOn(t -> t.code() == NO_FIXED_CHANNEL)
				.singleElement()
				.satisfies(t -> assertThat(t.explanation()).contains("ALIPAY, COUNTER, WECHAT"));
		}

		@Test
		void twoChannelsOrPaymentsBeforeTheCyclesAreNotEnough() {
			var customer = Customer.postpaid()
				.payment("COUNTER", "BILL", 10, at("2026-01-06T08:00:00"))    // long before the last 6 cycles
				.paidBill("2026-09", at("2026-10-05T08:00:00"))
				.payment("ALIPAY", "BILL", 10, at("2026-10-07T08:00:00"));

			assertThat(customer.tags()).doesNotContain(NO_FIXED_CHANNEL);
		}

	}

	@Nested
	class Prepaid {

		Customer prepaidWithTopUps(double topUp) {
			var customer = Customer.prepaid();
			for (String period : List.of("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")) {
				customer.bill(period, 160, "NONE");
			}
			customer.payment("ONLINE_APP", "TOPUP", topUp, at("2026-07-01T08:00:00"));
			customer.payment("ONLINE_APP", "TOPUP", topUp, at("2026-09-01T08:00:00"));
			return customer;
		}

		@Test
		void averageBillMoreThanOnePointSixTimesTheAverageTopUpIsSmallFrequentTopUp() {
			assertThat(prepaidWithTopUps(99).tags()).contains(SMALL_FREQUENT_TOPUP);   // 160 / 99 = 1.62
		}

		@Test
		void ratioOfExactlyOnePointSixOrLessIsNot() {
			assertThat(prepaidWithTopUps(100).tags()).doesNotContain(SMALL_FREQUENT_TOPUP);  // 160 / 100 = 1.6
		}

		@Test
		void postpaidCustomersNeverGetTheTopUpTag() {
			var customer = Customer.postpaid().bill("2026-10", 160, "NONE").payment("ONLINE_APP", "TOPUP", 10, at("2026-11-05T08:00:00"));

			assertThat(customer.tags()).doesNotContain(SMALL_FREQUENT_TOPUP);
		}

	}

	@Nested
	class StatementsAndBilling {

		@Test
		void statedPreferencesAreTaggedWithTheContactAsEvidence() {
			var customer = Customer.postpaid()
				.contact("PHONE", true, "REFUSES_ALL_DUNNING", at("2025-03-01T10:00:00"))
				.contact("PHONE", true, "REFUSES_PHONE", at("2026-02-01T10:00:00"));

			assertThat(customer.tags()).contains(DUNNING_AVERSE, PHONE_DUNNING_AVERSE);
		}

		@Test
		void noDunningThisMonthOnlyCountsInTheAsOfMonth() {
			assertThat(Customer.postpaid().contact("SMS", true, "REFUSES_THIS_MONTH", at("2026-11-01T00:00:00")).tags())
				.contains(NO_DUNNING_THIS_MONTH);
			assertThat(Customer.postpaid().contact("SMS", true, "REFUSES_THIS_MONTH", at("2026-10-31T23:59:00")).tags())
				.doesNotContain(NO_DUNNING_THIS_MONTH);
			assertThat(Customer.postpaid().contact("SMS", true, "REFUSES_THIS_MONTH", at("2026-11-21T09:00:00")).tags())
				.doesNotContain(NO_DUNNING_THIS_MONTH);
		}

		@Test
		void contactChangesCountForSixMonths() {
			assertThat(Customer.postpaid().contact("PHONE", true, "CONTACT_UPDATED", at("2026-05-21T10:00:00")).tags())
				.contains(CONTACT_UPDATED);
			assertThat(Customer.postpaid().contact("PHONE", true, "CONTACT_ADDED", at("2026-05-20T10:00:00")).tags())
				.doesNotContain(CONTACT_ADDED);
		}

		@Test
		void billingAnomalyIsAboutTheBillIssuedInTheAsOfMonth() {
			assertThat(Customer.postpaid().bill("2026-10", 3.2, "SMALL_AMOUNT").tags()).contains(BILLING_ANOMALY);
			assertThat(Customer.postpaid().bill("2026-09", 3.2, "SMALL_AMOUNT").tags()).doesNotContain(BILLING_ANOMALY);
			assertThat(Customer.postpaid().bill("2026-10", 90, "NONE").tags()).doesNotContain(BILLING_ANOMALY);
		}

		@Test
		void evidenceNamesTheRecordsAndTheExplanationSaysWhy() {
			var customer = Customer.postpaid()
				.bill("2026-10", -20, "REFUND_ADJUSTMENT")
				.contact("PHONE", true, "CONTACT_ADDED", at("2026-11-02T10:00:00"));

			assertThat(customer.assignments()).filteredOn(t -> t.code() == BILLING_ANOMALY).singleElement().satisfies(t -> {
				assertThat(t.evidence()).containsExactly("B2026-10");
				assertThat(t.explanation()).isEqualTo("bill B2026-10 issued 2026-11-02 has anomaly REFUND_ADJUSTMENT");
			});
			assertThat(customer.assignments()).filteredOn(t -> t.code() == CONTACT_ADDED).singleElement()
				.satisfies(t -> assertThat(t.evidence()).containsExactly("D1"));
		}

	}

	@Test
	void aParameterMissingFromTheGraphIsNamedWithTheFix() {
		Map<String, Object> incomplete = new HashMap<>(SPEC_DEFAULTS);
		incomplete.remove("REPEATED_ARREARS.minOverdueBills");
		var rules = new TagRules(new TagParameters(incomplete));

		assertThatThrownBy(() -> rules.evaluate(Customer.postpaid().history(), D)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("REPEATED_ARREARS has no rule parameter 'minOverdueBills'");
	}

	@Test
	void changedParametersChangeTheResult() {
		Map<String, Object> stricter = new HashMap<>(SPEC_DEFAULTS);
		stricter.put("REPEATED_ARREARS.minOverdueBills", 4L);
		var customer = Customer.postpaid()
			.paidBill("2026-05", at("2026-07-03T10:00:00"))
			.paidBill("2026-07", at("2026-09-01T10:00:00"))
			.paidBill("2026-08", at("2026-10-01T00:00:00"));

		assertThat(customer.tags()).contains(REPEATED_ARREARS);
		assertThat(new TagRules(new TagParameters(stricter)).evaluate(customer.history(), D)).extracting(TagAssignment::code)
			.doesNotContain(REPEATED_ARREARS);
	}

}
