package com.powerkg.credit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.powerkg.history.CustomerHistory;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Payment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each indicator at its boundaries on hand-made histories. The bill of period P is issued on day 2 of P + 1 and due on
 * the last day of P + 1; as of T = 2026-11-20 the bills due are those of periods up to 2026-09 (due 2026-10-31).
 */
class CreditIndicatorsTest {

	static final LocalDate T = LocalDate.of(2026, 11, 20);

	static int ids;

	static double indicator(CustomerHistory history, CreditIndicator indicator) {
		return indicator(history, indicator, T);
	}

	static double indicator(CustomerHistory history, CreditIndicator indicator, LocalDate asOf) {
		return CreditIndicators.compute(history, asOf)[indicator.ordinal()];
	}

	static Payment paid(String dateTime, double amount) {
		return new Payment("P" + (++ids), LocalDateTime.parse(dateTime), amount, "WECHAT", "BILL");
	}

	static Payment topUp(String dateTime, double amount) {
		return new Payment("T" + (++ids), LocalDateTime.parse(dateTime), amount, "WECHAT", "TOPUP");
	}

	static Bill bill(String period, double amount, Payment... payments) {
		YearMonth p = YearMonth.parse(period);
		return new Bill("B" + period + "-" + (++ids), p, p.plusMonths(1).atDay(2), p.plusMonths(1).atEndOfMonth(), amount, "NONE",
				List.of(payments));
	}

	/** A bill of period P paid in full on its due date. */
	static Bill onTime(String period, double amount) {
		return bill(period, amount, paid(YearMonth.parse(period).plusMonths(1).atEndOfMonth() + "T20:00", amount));
	}

	/** A bill of period P not paid at all. */
	static Bill unpaid(String period, double amount) {
		return bill(period, amount);
	}

	static CustomerHistory postpaid(Bill... bills) {
		return CustomerHistory.of("C1", false, List.of(bills), List.of(), List.of());
	}

	static String period(int monthsBeforeSeptember) {
		return YearMonth.of(2026, 9).minusMonths(monthsBeforeSeptember).toString();
	}

	@Test
	void paidShareCountsWhatArrivedByTheEndOfTheDueDateEachBillAtMostItsAmount() {
		var history = postpaid(
				// 100 asked, 150 paid in time: counts 100
				bill("2026-07", 100, paid("2026-08-10T09:00", 150)),
				// 200 asked: 50 on the due date at 23:59 counts, 150 a minute later does not
				bill("2026-08", 200, paid("2026-09-30T23:59", 50), paid("2026-10-01T00:00", 150)),
				// nothing paid
				unpaid("2026-09", 100));
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_3)).isCloseTo(150.0 / 400, within(1e-12));
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_6)).as("only 3 bills fell due: the same 3").isCloseTo(150.0 / 400, within(1e-12));
	}

	@Test
	void theWindowsAreTheLastThreeSixAndTwelveBillsThatFellDueNotBillsStillToFallDueOrAskingNothing() {
		List<Bill> bills = new ArrayList<>();
		// 13 bills fell due, oldest first: the oldest unpaid, then 6 paid in full, then 6 paid half
		bills.add(unpaid(period(12), 100));
		for (int i = 11; i >= 6; i--) {
			bills.add(onTime(period(i), 100));
		}
		for (int i = 5; i >= 0; i--) {
			bills.add(bill(period(i), 100, paid(YearMonth.parse(period(i)).plusMonths(1).atDay(20) + "T10:00", 50)));
		}
		// not yet due on T, a refund and a zero bill: none of them counts
		bills.add(unpaid("2026-10", 100));
		bills.add(bill("2026-06", -40));
		bills.add(bill("2026-05", 0));
		var history = postpaid(bills.toArray(Bill[]::new));
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_3)).isEqualTo(0.5);
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_6)).isEqualTo(0.5);
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_12)).as("the unpaid 13th bill is out of the window").isEqualTo(0.75);
		assertThat(indicator(history, CreditIndicator.DELINQUENT_MONTHS)).isEqualTo(6);
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_TREND)).as("last 3 half paid, the 3 before half paid").isZero();
	}

	@Test
	void sharesAreRoundedSoTheOrderOfAdditionsNeverDecidesABin() {
		// 0.1 + 0.7 is 0.7999999999999999 in floating point: still a bill paid in full
		String due = "2026-10-31T12:00";
		var history = postpaid(bill("2026-09", 0.8, paid(due, 0.1), paid(due, 0.7)));
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_3)).isEqualTo(1.0);
		assertThat(indicator(history, CreditIndicator.DELINQUENT_MONTHS)).isZero();
	}

	@Test
	void aBillIsDelinquentWhenMoreThanHalfACentIsMissingOnItsDueDate() {
		YearMonth p = YearMonth.of(2026, 9);
		String due = p.plusMonths(1).atEndOfMonth() + "T12:00";
		assertThat(indicator(postpaid(bill("2026-09", 100, paid(due, 99.996))), CreditIndicator.DELINQUENT_MONTHS)).isZero();
		assertThat(indicator(postpaid(bill("2026-09", 100, paid(due, 99.99))), CreditIndicator.DELINQUENT_MONTHS)).isEqualTo(1);
		assertThat(indicator(postpaid(bill("2026-09", 100, paid(due, 60), paid(due, 40))), CreditIndicator.DELINQUENT_MONTHS))
			.as("in two parts, both by the due date").isZero();
	}

	@Test
	void delinquentMonthsLongestRunAndMonthsSinceTheLastDelinquencyOverTheLast12Bills() {
		// oldest first: D D . D D D . . . . . .  (D = not paid in full by the due date)
		String pattern = "DD.DDD......";
		List<Bill> bills = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String period = period(11 - i);
			bills.add(pattern.charAt(i) == 'D' ? unpaid(period, 100) : onTime(period, 100));
		}
		var history = postpaid(bills.toArray(Bill[]::new));
		assertThat(indicator(history, CreditIndicator.DELINQUENT_MONTHS)).isEqualTo(5);
		assertThat(indicator(history, CreditIndicator.LONGEST_DELINQUENT_RUN)).isEqualTo(3);
		assertThat(indicator(history, CreditIndicator.MONTHS_SINCE_DELINQUENCY)).as("six clean bills after the last delinquent one").isEqualTo(6);

		var latestLate = postpaid(onTime(period(1), 100), unpaid(period(0), 100));
		assertThat(indicator(latestLate, CreditIndicator.MONTHS_SINCE_DELINQUENCY)).isZero();
		assertThat(indicator(latestLate, CreditIndicator.LONGEST_DELINQUENT_RUN)).isEqualTo(1);

		var clean = postpaid(onTime(period(3), 100), onTime(period(2), 100), onTime(period(1), 100), onTime(period(0), 100));
		assertThat(indicator(clean, CreditIndicator.MONTHS_SINCE_DELINQUENCY)).as("none: as many bills as there are").isEqualTo(4);
		assertThat(indicator(clean, CreditIndicator.LONGEST_DELINQUENT_RUN)).isZero();
		assertThat(indicator(clean, CreditIndicator.DELINQUENT_MONTHS)).isZero();
	}

	@Test
	void worstDaysPastDueCountsToTheDayTheBillWasPaidInFullOrToTWhileItIsNot() {
		var history = postpaid(
				// due 2026-08-31, paid in full 2026-09-10: 10 days
				bill("2026-07", 100, paid("2026-09-10T08:00", 100)),
				// due 2026-09-30, paid on its due date: 0
				onTime("2026-08", 100),
				// due 2026-10-31, still 1 yuan short on T (2026-11-20): 20 days
				bill("2026-09", 100, paid("2026-10-05T08:00", 99)));
		assertThat(indicator(history, CreditIndicator.WORST_DAYS_PAST_DUE)).isEqualTo(20);
		assertThat(indicator(postpaid(onTime("2026-09", 100)), CreditIndicator.WORST_DAYS_PAST_DUE)).isZero();
		assertThat(indicator(postpaid(bill("2026-07", 100, paid("2026-09-10T08:00", 100))), CreditIndicator.WORST_DAYS_PAST_DUE))
			.isEqualTo(10);
	}

	@Test
	void daysBeyondTermsWeighsEachPaymentsDaysFromTheDueDateByItsAmountAndMissedBillsGotNothingByTheDueDate() {
		var history = postpaid(
				// due 2026-09-30: nothing by then, everything 10 days later
				bill("2026-08", 50, paid("2026-10-10T10:00", 50)),
				// due 2026-10-31: 60 ten days early, 40 five days late
				bill("2026-09", 100, paid("2026-10-21T10:00", 60), paid("2026-11-05T10:00", 40)));
		assertThat(indicator(history, CreditIndicator.DAYS_BEYOND_TERMS)).isCloseTo((50 * 10 + 60 * -10 + 40 * 5) / 150.0, within(1e-6));
		assertThat(indicator(history, CreditIndicator.MISSED_BILLS)).isEqualTo(1);
		var nothing = postpaid(unpaid("2026-08", 50), unpaid("2026-09", 50));
		assertThat(indicator(nothing, CreditIndicator.DAYS_BEYOND_TERMS)).as("no payment to time").isNaN();
		assertThat(CreditIndicator.DAYS_BEYOND_TERMS.missingBlock()).isEqualTo(CreditIndicator.MissingBlock.NO_PAYMENTS);
		assertThat(indicator(nothing, CreditIndicator.MISSED_BILLS)).isEqualTo(2);
		assertThat(indicator(postpaid(bill("2026-09", 100, paid("2026-10-31T23:00", 0.01))), CreditIndicator.MISSED_BILLS))
			.as("a cent by the due date is something").isZero();
	}

	@Test
	void outstandingIsEveryOpenAmountOfBillsDueOverTheAverageOfTheLast12() {
		List<Bill> bills = new ArrayList<>();
		// the oldest of 13 is out of the 12-bill window but its 100 yuan are still owed
		bills.add(unpaid(period(12), 100));
		for (int i = 11; i >= 1; i--) {
			bills.add(onTime(period(i), 200));
		}
		// 320 asked, 20 paid (after the due date, before T): 300 open
		bills.add(bill(period(0), 320, paid("2026-11-05T10:00", 20)));
		var history = postpaid(bills.toArray(Bill[]::new));
		double average = (11 * 200 + 320) / 12.0;
		assertThat(indicator(history, CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL)).isCloseTo(400 / average, within(1e-6));
		assertThat(indicator(postpaid(onTime(period(0), 50)), CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL)).isZero();
	}

	@Test
	void trendsNeedSixBillsAndCompareTheLastThreeWithTheThreeBefore() {
		List<Bill> bills = new ArrayList<>();
		for (int i = 5; i >= 3; i--) {
			bills.add(onTime(period(i), 100));
		}
		for (int i = 2; i >= 0; i--) {
			String p = period(i);
			bills.add(bill(p, 200, paid(YearMonth.parse(p).plusMonths(1).atDay(3) + "T10:00", 100)));
		}
		var six = postpaid(bills.toArray(Bill[]::new));
		assertThat(indicator(six, CreditIndicator.PAID_SHARE_TREND)).isCloseTo(-0.5, within(1e-12));
		assertThat(indicator(six, CreditIndicator.BILLED_TREND)).isCloseTo(Math.log(601.0 / 301), within(1e-6));
		var five = postpaid(bills.subList(1, 6).toArray(Bill[]::new));
		assertThat(indicator(five, CreditIndicator.PAID_SHARE_TREND)).isNaN();
		assertThat(indicator(five, CreditIndicator.BILLED_TREND)).isNaN();
		assertThat(indicator(five, CreditIndicator.PAID_SHARE_3)).as("enough for the shares").isEqualTo(0.5);
	}

	@Test
	void paymentsPerBillAndEverythingElseLookOnlyAtWhatWasKnownOnTheDate() {
		var history = postpaid(
				bill("2026-07", 90, paid("2026-08-05T10:00", 30), paid("2026-08-15T10:00", 30), paid("2026-08-25T10:00", 30)),
				// due 2026-09-30, paid on 2026-10-03: after the earlier date below
				bill("2026-08", 90, paid("2026-10-03T10:00", 90)));
		assertThat(indicator(history, CreditIndicator.PAYMENTS_PER_BILL)).isEqualTo(2.0);
		LocalDate earlier = LocalDate.of(2026, 10, 2);
		assertThat(indicator(history, CreditIndicator.PAYMENTS_PER_BILL, earlier)).as("the payment of 10-03 not yet made").isEqualTo(1.5);
		assertThat(indicator(history, CreditIndicator.WORST_DAYS_PAST_DUE, earlier)).as("open two days on 10-02").isEqualTo(2);
		assertThat(indicator(history, CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL, earlier)).isEqualTo(1.0);
		assertThat(indicator(history, CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL)).isZero();
		assertThat(indicator(history, CreditIndicator.PAID_SHARE_3, LocalDate.of(2026, 9, 29)))
			.as("on 09-29 only the July bill had fallen due").isEqualTo(1.0);
	}

	@Test
	void prepaidCustomersHaveNoPostpaidIndicatorsAndPostpaidOnesNoBalanceIndicators() {
		var prepaid = CustomerHistory.of("C2", true, List.of(unpaid("2026-09", 100)), List.of(topUp("2026-10-01T09:00", 100)), List.of());
		for (CreditIndicator i : List.of(CreditIndicator.PAID_SHARE_3, CreditIndicator.PAID_SHARE_12, CreditIndicator.DELINQUENT_MONTHS,
				CreditIndicator.WORST_DAYS_PAST_DUE, CreditIndicator.MONTHS_SINCE_DELINQUENCY, CreditIndicator.OUTSTANDING_TO_AVERAGE_BILL,
				CreditIndicator.PAYMENTS_PER_BILL)) {
			assertThat(indicator(prepaid, i)).as(i.name()).isNaN();
			assertThat(i.missingBlock()).isEqualTo(CreditIndicator.MissingBlock.NO_DUE_BILLS);
		}
		var postpaid = postpaid(onTime("2026-09", 100));
		assertThat(indicator(postpaid, CreditIndicator.LOW_BALANCE_EPISODES)).isNaN();
		assertThat(indicator(postpaid, CreditIndicator.TOP_UP_COVER)).isNaN();
		assertThat(indicator(postpaid, CreditIndicator.UNANSWERED_DUNNING)).as("never missing").isZero();
	}

	/**
	 * Eight monthly bills of 100 deducted on day 2; top-ups on day 1 of 100, 0, 200, 100, 0, 200, 100, 100. The balance
	 * after each bill, counted from 0: 0, -100, 0, 0, -100, 0, 0, 0. The lowest is -100, reached twice, apart: two
	 * episodes; top-ups 800 over bills 800.
	 */
	@Test
	void prepaidEpisodesAreRunsOfBillsLeavingTheBalanceAtItsLowestAndTheCoverIsTopUpsOverBills() {
		double[] topUps = {100, 0, 200, 100, 0, 200, 100, 100};
		List<Bill> bills = new ArrayList<>();
		List<Payment> payments = new ArrayList<>();
		for (int k = 0; k < 8; k++) {
			YearMonth p = YearMonth.of(2026, 1).plusMonths(k);
			bills.add(unpaid(p.toString(), 100));
			if (topUps[k] > 0) {
				payments.add(topUp(p.plusMonths(1).atDay(1) + "T09:00", topUps[k]));
			}
		}
		var history = CustomerHistory.of("C3", true, bills, payments, List.of());
		assertThat(indicator(history, CreditIndicator.LOW_BALANCE_EPISODES)).isEqualTo(2);
		assertThat(indicator(history, CreditIndicator.TOP_UP_COVER)).isEqualTo(1.0);

		// the same bills, two lapses in a row: one episode, longer
		double[] together = {100, 0, 0, 300, 100, 100, 100, 100};
		List<Payment> lapse = new ArrayList<>();
		for (int k = 0; k < 8; k++) {
			if (together[k] > 0) {
				lapse.add(topUp(YearMonth.of(2026, 2).plusMonths(k).atDay(1) + "T09:00", together[k]));
			}
		}
		var lapsed = CustomerHistory.of("C4", true, bills, lapse, List.of());
		assertThat(indicator(lapsed, CreditIndicator.LOW_BALANCE_EPISODES)).as("-200 once: balances 0, -100, -200, 0, ...").isEqualTo(1);
	}

	@Test
	void enterpriseIndicatorsComeFromTheProfileAndAreMissingWhenBlank() {
		var enterprise = new CustomerHistory.Enterprise(0.7, 1.2, -0.05, 0.9, true, false, 2L, "C");
		var profile = new CustomerHistory.Profile("E1", "LARGE_INDUSTRIAL", "FIRST", 10.0, 1000.0, "C26", "R", false, enterprise);
		var history = new CustomerHistory(profile, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
		double[] x = CreditIndicators.compute(history, T);
		assertThat(x[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()]).isEqualTo(0.7);
		assertThat(x[CreditIndicator.RETURN_ON_NET_ASSETS.ordinal()]).isEqualTo(-0.05);
		assertThat(x[CreditIndicator.SOCIAL_CREDIT.ordinal()]).isEqualTo(2);
		assertThat(x[CreditIndicator.REACTIVE_COMPENSATION.ordinal()]).isEqualTo(1);
		assertThat(x[CreditIndicator.CALIBRATION_ON_SCHEDULE.ordinal()]).isZero();
		assertThat(x[CreditIndicator.EQUIPMENT_ACCIDENTS.ordinal()]).isEqualTo(2);
		double[] household = CreditIndicators.compute(postpaid(onTime("2026-09", 10)), T);
		assertThat(household[CreditIndicator.ASSET_LIABILITY_RATIO.ordinal()]).isNaN();
		assertThat(household[CreditIndicator.SOCIAL_CREDIT.ordinal()]).isNaN();
		assertThat(CreditIndicator.RETURN_ON_NET_ASSETS.min()).as("a loss is a value a what-if may reach").isNegative();
	}

	@Test
	void historyIsRecentWhenABillWasIssuedInTheThreeMonthsBeforeT() {
		assertThat(CreditIndicators.recentHistory(postpaid(onTime("2026-08", 10)), T)).as("issued 2026-09-02").isTrue();
		assertThat(CreditIndicators.recentHistory(postpaid(onTime("2026-07", 10)), T)).as("issued 2026-08-02, 3 months before: 2026-08-20")
			.isFalse();
		assertThat(CreditIndicators.recentHistory(postpaid(), T)).isFalse();
	}

}
