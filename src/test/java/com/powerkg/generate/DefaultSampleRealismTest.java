package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.powerkg.generate.GeneratedData.SettledBill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the default sample (2,000 customers x 24 months, seed 42) every situation the portrait tags of
 * SPEC §3 and the credit model need really occurs, with the dunning date D = the extract date.
 */
class DefaultSampleRealismTest {

	@TempDir
	static Path dir;

	private static GeneratedData data;
	private static LocalDate asOf;
	/** SPEC §3 "the 6 months before D". */
	private static LocalDate sixMonthsBefore;

	@BeforeAll
	static void generate() throws IOException {
		data = GeneratedData.generate(GeneratorConfig.of(2_000, 24, 42), dir);
		asOf = data.extractDate();
		sixMonthsBefore = asOf.minusMonths(6);
	}

	@Test
	void usageCategoriesFollowTheCityMix() {
		Map<String, Long> mix = data.rows("customers.csv").stream()
				.collect(Collectors.groupingBy(c -> c.get("usage_category"), Collectors.counting()));
		assertThat(share(mix.get("RESIDENTIAL"))).isCloseTo(0.85, within(0.03));
		assertThat(share(mix.get("GENERAL_COMMERCIAL"))).isCloseTo(0.09, within(0.02));
		assertThat(share(mix.get("LARGE_INDUSTRIAL"))).isCloseTo(0.02, within(0.01));
		assertThat(share(mix.get("AGRICULTURAL"))).isCloseTo(0.04, within(0.015));
	}

	@Test
	void largeIndustryIsAlwaysPostpaidWhileAboutAThirdOfHouseholdsPrepay() {
		long households = 0;
		long prepaidHouseholds = 0;
		for (CsvTable.Row c : data.rows("customers.csv")) {
			if (c.get("usage_category").equals("LARGE_INDUSTRIAL")) {
				assertThat(c.get("payment_mode")).isEqualTo("POSTPAID");
				assertThat(c.get("asset_liability_ratio")).isNotEmpty();
			}
			if (c.get("usage_category").equals("RESIDENTIAL")) {
				households++;
				prepaidHouseholds += c.get("payment_mode").equals("PREPAID") ? 1 : 0;
			}
		}
		assertThat((double) prepaidHouseholds / households).isCloseTo(0.35, within(0.04));
	}

	@Test
	void newestIssuedPeriodHasSeveralBillsOfEachAnomaly() {
		String newest = data.config.lastPeriod().toString();
		Map<String, Long> anomalies = data.rows("bills.csv").stream()
				.filter(b -> b.get("period").equals(newest))
				.collect(Collectors.groupingBy(b -> b.get("anomaly"), Collectors.counting()));
		assertThat(anomalies.getOrDefault("OWNERSHIP_TRANSFER", 0L)).isGreaterThanOrEqualTo(3);
		assertThat(anomalies.getOrDefault("SMALL_AMOUNT", 0L)).isGreaterThanOrEqualTo(3);
		assertThat(anomalies.getOrDefault("REFUND_ADJUSTMENT", 0L)).isGreaterThanOrEqualTo(3);
	}

	@Test
	void someRefundsTurnABillNegative() {
		assertThat(data.rows("bills.csv")).anyMatch(b -> b.get("amount").startsWith("-"));
	}

	@Test
	void everyStatedResponseOccursInTheLastSixMonths() {
		Set<String> responses = new HashSet<>();
		for (CsvTable.Row d : data.rows("dunning_contacts.csv")) {
			if (!d.get("response").equals("NONE")) {
				assertThat(d.get("reached")).isEqualTo("true");
			}
			if (!LocalDateTime.parse(d.get("contacted_at")).toLocalDate().isBefore(sixMonthsBefore)) {
				responses.add(d.get("response"));
			}
		}
		assertThat(responses).contains("NONE", "REFUSES_ALL_DUNNING", "REFUSES_PHONE", "REFUSES_THIS_MONTH",
				"CONTACT_UPDATED", "CONTACT_ADDED");
	}

	@Test
	void eachSettleDayWindowIsAHabitOfManyCustomers() {
		Set<String> lastSixPeriods = lastSixPeriods();
		Map<String, int[]> windows = new HashMap<>();
		for (SettledBill bill : data.payableBills()) {
			if (bill.settledAt() != null && lastSixPeriods.contains(bill.period())) {
				int day = bill.settledAt().getDayOfMonth();
				windows.computeIfAbsent(bill.customerId(), id -> new int[3])[day <= 10 ? 0 : day <= 20 ? 1 : 2]++;
			}
		}
		for (int window = 0; window < 3; window++) {
			int w = window;
			long habitual = windows.values().stream().filter(counts -> counts[w] >= 3).count();
			assertThat(habitual).as("customers settling >= 3 times in window %d", window).isGreaterThan(100);
		}
	}

	@Test
	void someCustomersHaveThreeOrMoreOverdueBillsAmongTheLastSixMonthsBills() {
		Map<String, Integer> overdue = new HashMap<>();
		for (SettledBill bill : data.payableBills()) {
			if (!bill.issuedOn().isBefore(sixMonthsBefore) && bill.overdueAt(asOf)) {
				overdue.merge(bill.customerId(), 1, Integer::sum);
			}
		}
		assertThat(overdue.values().stream().filter(n -> n >= 3).count()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void newestBillsArePartlyUnpaidAtTheExtractDate() {
		String newest = data.config.lastPeriod().toString();
		List<SettledBill> bills = data.payableBills().stream().filter(b -> b.period().equals(newest)).toList();
		long unpaid = bills.stream().filter(b -> b.settledAt() == null).count();
		assertThat((double) unpaid / bills.size()).isBetween(0.15, 0.7);
	}

	@Test
	void aboutOneCustomerInTenPaysThroughThreeOrMoreChannels() {
		Map<String, Set<String>> channels = new HashMap<>();
		for (CsvTable.Row p : data.rows("payments.csv")) {
			if (!LocalDateTime.parse(p.get("paid_at")).toLocalDate().isBefore(sixMonthsBefore)) {
				channels.computeIfAbsent(p.get("customer_id"), id -> new HashSet<>()).add(p.get("channel"));
			}
		}
		long scattered = channels.values().stream().filter(s -> s.size() >= 3).count();
		assertThat(scattered).isBetween(80L, 300L);
		assertThat(channels.values().stream().filter(s -> s.size() == 1).count()).isGreaterThan(scattered);
	}

	@Test
	void reachedPhoneOrSmsContactsAreFollowedByPaymentWithin48HoursForSomeCustomersAndNotForOthers() {
		Map<String, List<LocalDateTime>> payments = new HashMap<>();
		for (CsvTable.Row p : data.rows("payments.csv")) {
			payments.computeIfAbsent(p.get("customer_id"), id -> new ArrayList<>()).add(LocalDateTime.parse(p.get("paid_at")));
		}
		Map<String, LocalDateTime> latestContact = new TreeMap<>();
		for (CsvTable.Row d : data.rows("dunning_contacts.csv")) {
			LocalDateTime at = LocalDateTime.parse(d.get("contacted_at"));
			if (d.get("reached").equals("true") && d.get("method").matches("SMS|PHONE") && !at.toLocalDate().isBefore(sixMonthsBefore)) {
				latestContact.merge(d.get("customer_id"), at, (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		long responsive = 0;
		long unresponsive = 0;
		for (Map.Entry<String, LocalDateTime> e : latestContact.entrySet()) {
			LocalDateTime contact = e.getValue();
			boolean paid = payments.getOrDefault(e.getKey(), List.of()).stream()
					.anyMatch(t -> t.isAfter(contact) && !t.isAfter(contact.plusHours(48)));
			if (paid) {
				responsive++;
			} else {
				unresponsive++;
			}
		}
		assertThat(responsive).isGreaterThan(200);
		assertThat(unresponsive).isGreaterThan(100);
	}

	@Test
	void aboutOnePrepaidCustomerInFiveTopsUpSmallAmountsOften() {
		Set<String> prepaid = data.prepaidCustomers();
		Map<String, List<Double>> bills = new HashMap<>();
		Map<String, List<Double>> topUps = new HashMap<>();
		data.rows("bills.csv").stream().filter(b -> prepaid.contains(b.get("customer_id")))
				.forEach(b -> bills.computeIfAbsent(b.get("customer_id"), id -> new ArrayList<>()).add(Double.parseDouble(b.get("amount"))));
		data.rows("payments.csv").stream().filter(p -> p.get("kind").equals("TOPUP"))
				.forEach(p -> topUps.computeIfAbsent(p.get("customer_id"), id -> new ArrayList<>()).add(Double.parseDouble(p.get("amount"))));

		long small = 0;
		long normal = 0;
		for (String id : prepaid) {
			if (!topUps.containsKey(id)) {
				continue;
			}
			double ratio = mean(bills.get(id)) / mean(topUps.get(id));
			if (ratio > 1.6) {
				small++;
			} else {
				normal++;
			}
		}
		assertThat((double) small / (small + normal)).isCloseTo(0.2, within(0.07));
	}

	@Test
	void defaultedCustomersPaidMoreBillsLateThanOthers() {
		Map<String, Integer> lateBills = new HashMap<>();
		for (SettledBill bill : data.payableBills()) {
			if (bill.overdueAt(asOf)) {
				lateBills.merge(bill.customerId(), 1, Integer::sum);
			}
		}
		Set<String> prepaid = data.prepaidCustomers();
		List<Integer> defaulted = new ArrayList<>();
		List<Integer> repaid = new ArrayList<>();
		for (CsvTable.Row o : data.rows("credit_outcomes.csv")) {
			if (!prepaid.contains(o.get("customer_id"))) {
				int late = lateBills.getOrDefault(o.get("customer_id"), 0);
				(o.get("defaulted").equals("1") ? defaulted : repaid).add(late);
			}
		}
		assertThat(defaulted).hasSizeGreaterThan(30);
		assertThat(meanOf(defaulted)).isGreaterThan(2 * meanOf(repaid));
	}

	@Test
	void aboutSeventyPercentOfCustomersHaveACreditOutcomeAndAboutOneInTenDefaulted() {
		List<CsvTable.Row> outcomes = data.rows("credit_outcomes.csv");
		assertThat(share((long) outcomes.size())).isCloseTo(0.7, within(0.04));
		long defaulted = outcomes.stream().filter(o -> o.get("defaulted").equals("1")).count();
		assertThat((double) defaulted / outcomes.size()).isBetween(0.08, 0.13);
	}

	@Test
	void enterpriseFinancialsAreWeakerAmongDefaultedCustomers() {
		Map<String, String> defaulted = new HashMap<>();
		data.rows("credit_outcomes.csv").forEach(o -> defaulted.put(o.get("customer_id"), o.get("defaulted")));
		List<Double> bad = new ArrayList<>();
		List<Double> good = new ArrayList<>();
		for (CsvTable.Row c : data.rows("customers.csv")) {
			String outcome = defaulted.get(c.get("customer_id"));
			if (outcome != null && !c.get("asset_liability_ratio").isEmpty()) {
				(outcome.equals("1") ? bad : good).add(Double.parseDouble(c.get("asset_liability_ratio")));
			}
		}
		assertThat(bad).isNotEmpty();
		assertThat(mean(bad)).isGreaterThan(mean(good));
	}

	@Test
	void workOrdersComeMostlyThroughTheHotlineAndEnterprisesCallMoreThanHouseholds() {
		Map<String, String> category = new HashMap<>();
		data.rows("customers.csv").forEach(c -> category.put(c.get("customer_id"), c.get("usage_category")));
		List<CsvTable.Row> orders = data.rows("work_orders.csv");
		Map<String, Long> byChannel = orders.stream().collect(Collectors.groupingBy(w -> w.get("channel"), Collectors.counting()));
		assertThat(byChannel.get("HOTLINE_95598")).isEqualTo(byChannel.values().stream().mapToLong(Long::longValue).max().orElseThrow());
		long householdOrders = orders.stream().filter(w -> category.get(w.get("customer_id")).equals("RESIDENTIAL")).count();
		long households = category.values().stream().filter("RESIDENTIAL"::equals).count();
		double perHousehold = (double) householdOrders / households;
		double perEnterprise = (double) (orders.size() - householdOrders) / (category.size() - households);
		assertThat(perEnterprise).isGreaterThan(3 * perHousehold);
	}

	private static Set<String> lastSixPeriods() {
		Set<String> periods = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			periods.add(data.config.lastPeriod().minusMonths(i).toString());
		}
		return periods;
	}

	private static double share(Long count) {
		return count == null ? 0 : (double) count / data.config.customers();
	}

	private static double mean(Collection<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private static double meanOf(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
	}
}
