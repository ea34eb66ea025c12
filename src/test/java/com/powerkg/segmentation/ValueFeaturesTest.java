package com.powerkg.segmentation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.powerkg.history.CustomerHistory;
import com.powerkg.history.CustomerHistory.Bill;
import com.powerkg.history.CustomerHistory.Contact;
import com.powerkg.history.CustomerHistory.MonthlyUsage;
import com.powerkg.history.CustomerHistory.Payment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each feature on a tiny case computed by hand. As of D = 2026-11-20 the last complete month is 2026-10. */
class ValueFeaturesTest {

	static final LocalDate D = LocalDate.of(2026, 11, 20);

	static double feature(CustomerHistory facts, Feature feature) {
		return ValueFeatures.compute(facts, D)[feature.ordinal()];
	}

	static final CustomerHistory.Profile HOSPITAL = new CustomerHistory.Profile("C1", "GENERAL_COMMERCIAL", "FIRST", 10.0, 630.0,
			"Q84", "R1", false, CustomerHistory.Enterprise.NONE);

	static CustomerHistory customer(boolean prepaid, List<Bill> bills, List<Payment> payments, List<Contact> contacts,
			List<MonthlyUsage> usage, int workOrders) {
		List<CustomerHistory.WorkOrder> orders = new ArrayList<>();
		for (int i = 0; i < workOrders; i++) {
			orders.add(new CustomerHistory.WorkOrder(LocalDateTime.of(2026, 6, 1 + i, 9, 0), "CONSULTATION", "TARIFF", "HOTLINE_95598"));
		}
		var profile = new CustomerHistory.Profile(HOSPITAL.id(), HOSPITAL.usageCategory(), HOSPITAL.importance(), HOSPITAL.voltageKv(),
				HOSPITAL.contractCapacityKva(), HOSPITAL.industryCode(), HOSPITAL.region(), prepaid, CustomerHistory.Enterprise.NONE);
		return new CustomerHistory(profile, bills, payments, contacts, usage, orders, List.of());
	}

	static CustomerHistory withBills(Bill... bills) {
		return customer(false, List.of(bills), List.of(), List.of(), List.of(), 0);
	}

	static CustomerHistory withUsage(List<MonthlyUsage> usage) {
		return customer(false, List.of(), List.of(), List.of(), usage, 0);
	}

	/** Bill of period P, due on the last day of P + 1, paid in full at {@code paid} (null = unpaid). */
	static Bill bill(String id, String period, double amount, LocalDateTime paid) {
		YearMonth p = YearMonth.parse(period);
		List<Payment> payments = paid == null ? List.of() : List.of(new Payment("P" + id, paid, amount, "WECHAT", "BILL"));
		return new Bill(id, p, p.plusMonths(1).atDay(2), p.plusMonths(1).atEndOfMonth(), amount, "NONE", payments);
	}

	/** Months {@code from}..{@code from + n - 1} with kWh given by {@code kwh(i)}. */
	static List<MonthlyUsage> months(String from, int n, java.util.function.IntToDoubleFunction kwh) {
		List<MonthlyUsage> usage = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			usage.add(new MonthlyUsage(YearMonth.parse(from).plusMonths(i), kwh.applyAsDouble(i), null));
		}
		return usage;
	}

	@Test
	void annualRevenueSumsTheBillsOfTheTwelvePeriodsEndingLastMonthIncludingRefunds() {
		var facts = withBills(bill("old", "2025-10", 999, null), bill("b1", "2025-11", 100, null), bill("b2", "2026-10", 250, null),
				bill("refund", "2026-05", -50, null));
		assertThat(feature(facts, Feature.ANNUAL_REVENUE)).isEqualTo(300);
	}

	@Test
	void peakShareIsPeakOverTotalOfMonthsThatReportASplitAndMissingOtherwise() {
		var usage = List.of(new MonthlyUsage(YearMonth.of(2026, 10), 100, 40.0),
				new MonthlyUsage(YearMonth.of(2026, 9), 300, 20.0),
				new MonthlyUsage(YearMonth.of(2026, 8), 1000, null));
		assertThat(feature(withUsage(usage), Feature.PEAK_SHARE)).isEqualTo(60.0 / 400);
		assertThat(feature(withUsage(months("2025-11", 12, i -> 100)), Feature.PEAK_SHARE)).isNaN();
	}

	@Test
	void serviceContactsCountWorkOrdersAndDunningContactsOfTheLastTwelveMonths() {
		var contacts = List.of(new Contact("in", LocalDateTime.of(2026, 3, 1, 9, 0), 1, "SMS", true, "NONE"),
				new Contact("too old", LocalDateTime.of(2025, 11, 20, 9, 0), 1, "SMS", true, "NONE"));
		assertThat(feature(customer(false, List.of(), List.of(), contacts, List.of(), 3), Feature.SERVICE_CONTACTS)).isEqualTo(4);
	}

	@Test
	void socialInfluenceFeaturesComeFromMasterData() {
		var facts = withBills();
		assertThat(feature(facts, Feature.IMPORTANCE_GRADE)).isEqualTo(3);
		assertThat(feature(facts, Feature.VOLTAGE_LEVEL)).isEqualTo(10);
		assertThat(feature(facts, Feature.CONTRACT_CAPACITY)).isEqualTo(630);
		assertThat(feature(facts, Feature.CRITICAL_INDUSTRY)).as("Q84 hospital").isEqualTo(1);
		var residential = new CustomerHistory(new CustomerHistory.Profile("C2", "RESIDENTIAL", null, null, null, null, null, false,
				CustomerHistory.Enterprise.NONE), facts.bills(), facts.payments(), facts.contacts(), List.of(), List.of(), List.of());
		assertThat(feature(residential, Feature.IMPORTANCE_GRADE)).isZero();
		assertThat(feature(residential, Feature.VOLTAGE_LEVEL)).isNaN();
		assertThat(feature(residential, Feature.CONTRACT_CAPACITY)).isNaN();
		assertThat(feature(residential, Feature.CRITICAL_INDUSTRY)).isZero();
	}

	@Test
	void criticalIndustriesAreTheDocumentedSectionsAndDivisions() {
		assertThat(ValueFeatures.critical("C26")).as("chemicals").isTrue();
		assertThat(ValueFeatures.critical("C31")).as("steel").isTrue();
		assertThat(ValueFeatures.critical("C33")).as("metal products").isFalse();
		assertThat(ValueFeatures.critical("P83")).as("education").isTrue();
		assertThat(ValueFeatures.critical("F52")).as("retail").isFalse();
		assertThat(ValueFeatures.critical("")).isFalse();
	}

	@Test
	void growthComparesWithTheSameMonthsAYearEarlier() {
		// 2024-11..2025-10 at 100 kWh, 2025-11..2026-10 at 200 kWh
		var usage = months("2024-11", 24, i -> i < 12 ? 100 : 200);
		assertThat(feature(withUsage(usage), Feature.GROWTH_12M)).isCloseTo(Math.log(2401.0 / 1201), within(1e-12));
		assertThat(feature(withUsage(usage), Feature.GROWTH_3M)).isCloseTo(Math.log(601.0 / 301), within(1e-12));
		assertThat(feature(withUsage(months("2025-06", 17, i -> 100)), Feature.GROWTH_12M)).as("less than 24 months").isNaN();
		assertThat(feature(withUsage(months("2025-06", 17, i -> 100)), Feature.GROWTH_3M)).as("15 months are enough").isZero();
	}

	@Test
	void trendIsTheYearlySlopeOfLogConsumption() {
		// ln(1 + kWh) rises by 0.1 a month: 1.2 a year
		var usage = months("2025-11", 12, i -> Math.exp(5 + 0.1 * i) - 1);
		assertThat(feature(withUsage(usage), Feature.TREND_36M)).isCloseTo(1.2, within(1e-9));
		assertThat(feature(withUsage(months("2026-06", 5, i -> 100)), Feature.TREND_36M)).as("fewer than 6 months").isNaN();
	}

	@Test
	void volatilityIsTheCoefficientOfVariationOfTheLastTwelveMonths() {
		// 100 and 300 alternating: mean 200, population standard deviation 100
		var usage = months("2025-11", 12, i -> i % 2 == 0 ? 100 : 300);
		assertThat(feature(withUsage(usage), Feature.VOLATILITY)).isCloseTo(0.5, within(1e-12));
		assertThat(feature(withUsage(months("2026-09", 2, i -> 100)), Feature.VOLATILITY)).isNaN();
	}

	@Test
	void arrearsFeaturesLookAtBillsDueByD() {
		var onTime = bill("on-time", "2026-06", 100, LocalDateTime.of(2026, 7, 10, 9, 0));
		var tenDaysLate = bill("late", "2026-07", 300, LocalDateTime.of(2026, 9, 10, 9, 0)); // due 2026-08-31
		var unpaid = bill("unpaid", "2026-09", 100, null); // due 2026-10-31, 20 days late on D
		var notYetDue = bill("open", "2026-10", 500, null); // due 2026-11-30
		var facts = withBills(onTime, tenDaysLate, unpaid, notYetDue);
		assertThat(feature(facts, Feature.OVERDUE_BILLS)).isEqualTo(2);
		assertThat(feature(facts, Feature.OVERDUE_AMOUNT_RATIO)).isEqualTo(400.0 / 500);
		assertThat(feature(facts, Feature.MEAN_DAYS_LATE)).isEqualTo((0 + 10 + 20) / 3.0);
	}

	@Test
	void prepaidCustomersAreNeverOverdue() {
		var facts = customer(true, List.of(bill("b", "2026-06", 100, null)), List.of(), List.of(), List.of(), 0);
		assertThat(feature(facts, Feature.OVERDUE_BILLS)).isZero();
		assertThat(feature(facts, Feature.OVERDUE_AMOUNT_RATIO)).isZero();
		assertThat(feature(facts, Feature.MEAN_DAYS_LATE)).isZero();
	}

	@Test
	void unansweredDunningCountsReachedContactsWithoutAPaymentWithin48Hours() {
		var answered = new Contact("answered", LocalDateTime.of(2026, 9, 1, 9, 0), 2, "PHONE", true, "NONE");
		var ignored = new Contact("ignored", LocalDateTime.of(2026, 9, 10, 9, 0), 2, "PHONE", true, "NONE");
		var paidTooLate = new Contact("late", LocalDateTime.of(2026, 10, 1, 9, 0), 3, "PHONE", true, "NONE");
		var unreached = new Contact("unreached", LocalDateTime.of(2026, 10, 5, 9, 0), 3, "PHONE", false, "NONE");
		var stillOpen = new Contact("open", LocalDateTime.of(2026, 11, 19, 9, 0), 1, "SMS", true, "NONE");
		var payments = List.of(new Payment("p1", LocalDateTime.of(2026, 9, 3, 9, 0), 10, "WECHAT", "BILL"),
				new Payment("p2", LocalDateTime.of(2026, 10, 3, 9, 1), 10, "WECHAT", "BILL"));
		var facts = customer(false, List.of(), payments, List.of(answered, ignored, paidTooLate, unreached, stillOpen), List.of(), 0);
		assertThat(feature(facts, Feature.UNANSWERED_DUNNING)).as("ignored and late; exactly 48 h counts as answered").isEqualTo(2);
	}

	static double fact(CustomerHistory facts, ValueFeatures.UsageFact fact) {
		return ValueFeatures.compute(facts, D)[ValueFeatures.column(fact)];
	}

	@Test
	void usageFactsCountRecordedMonthsTheFirstConsumptionAndTheIdleMonthsAtTheEnd() {
		// 2024-01..2026-10: zero until 2024-06, consumption from 2024-07, zero again from 2026-08
		var usage = months("2024-01", 34, i -> (i < 6 || i >= 31) ? 0 : 100);
		var facts = withUsage(usage);
		assertThat(fact(facts, ValueFeatures.UsageFact.RECORDED_MONTHS)).as("2024-01..2026-10").isEqualTo(34);
		assertThat(fact(facts, ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO)).as("2024-07..2026-10").isEqualTo(28);
		assertThat(fact(facts, ValueFeatures.UsageFact.IDLE_MONTHS)).as("2026-08..2026-10").isEqualTo(3);
		var missingLastMonth = withUsage(months("2024-01", 33, i -> 100));
		assertThat(fact(missingLastMonth, ValueFeatures.UsageFact.IDLE_MONTHS)).as("no row for 2026-10 is no consumption").isEqualTo(1);
		assertThat(fact(withUsage(months("2020-01", 82, i -> 100)), ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO))
			.as("only the last 36 months are looked at").isEqualTo(36);
		assertThat(fact(withUsage(List.of()), ValueFeatures.UsageFact.FIRST_USE_MONTHS_AGO)).isZero();
		assertThat(ValueFeatures.compute(withUsage(List.of()), D)).hasSize(ValueFeatures.WIDTH);
	}

}
