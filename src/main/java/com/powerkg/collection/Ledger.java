package com.powerkg.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import com.powerkg.history.CustomerHistory;

/**
 * A customer's bills and top-ups as dated amounts: what the plan's money rules read, the one place they are computed.
 * A run takes it from the customer's history ({@link CollectionCases}); a plan of another date from the customer's
 * {@code :PrepaidLedger} node, which every import keeps for a prepaid customer (PrepaidOpenUntil, BillSettlement),
 * or, where there is none (a store imported before it, or a payments batch whose computation was lost), from the
 * customer's bills and top-ups (customer-details.cypher).
 *
 * @param billsIssuedOn the bills' issue days, one per bill, in any order
 * @param billsPeriod   the bills' periods (YYYY-MM), as {@code billsIssuedOn}
 * @param billsAmount   the bills' amounts (yuan), as {@code billsIssuedOn}
 * @param topUpsAt      the times of the top-ups (payments of kind TOPUP)
 * @param topUpsAmount  the top-ups' amounts (yuan), as {@code topUpsAt}
 */
public record Ledger(List<LocalDate> billsIssuedOn, List<String> billsPeriod, List<Double> billsAmount,
		List<LocalDateTime> topUpsAt, List<Double> topUpsAmount) {

	public Ledger {
		if (billsPeriod.size() != billsIssuedOn.size() || billsAmount.size() != billsIssuedOn.size()
				|| topUpsAmount.size() != topUpsAt.size()) {
			throw new IllegalArgumentException("A ledger's lists differ in length: " + billsIssuedOn.size() + " bills issued, "
					+ billsPeriod.size() + " periods, " + billsAmount.size() + " amounts; " + topUpsAt.size() + " top-ups, "
					+ topUpsAmount.size() + " amounts");
		}
	}

	/** No bills, no top-ups: a customer whose bills no rule uses. */
	public static final Ledger NONE = new Ledger(List.of(), List.of(), List.of(), List.of(), List.of());

	/** The ledger of a history: its bills and its top-ups. */
	public static Ledger of(CustomerHistory history) {
		List<CustomerHistory.Bill> bills = history.bills();
		List<CustomerHistory.Payment> topUps = history.payments().stream().filter(CustomerHistory.Payment::topUp).toList();
		return new Ledger(bills.stream().map(CustomerHistory.Bill::issuedOn).toList(),
				bills.stream().map(b -> b.period().toString()).toList(), bills.stream().map(CustomerHistory.Bill::amount).toList(),
				topUps.stream().map(CustomerHistory.Payment::paidAt).toList(),
				topUps.stream().map(CustomerHistory.Payment::amount).toList());
	}

	/**
	 * The mean of the positive bills of the 12 periods before D's month issued by D (yuan), 0 without any: the
	 * "average monthly bill" of the plan's rules. Summed in whole cents (the contract's money), so that the result does
	 * not depend on the order the bills come in (a run's history, a ledger, the database's order).
	 */
	public double averageMonthlyBill(LocalDate d) {
		String firstPeriod = YearMonth.from(d).minusMonths(12).toString();
		String lastPeriod = YearMonth.from(d).minusMonths(1).toString();
		long cents = 0;
		int n = 0;
		for (int i = 0; i < this.billsIssuedOn.size(); i++) {
			String period = this.billsPeriod.get(i);
			double amount = this.billsAmount.get(i);
			if (!this.billsIssuedOn.get(i).isAfter(d) && period.compareTo(firstPeriod) >= 0 && period.compareTo(lastPeriod) <= 0
					&& amount > 0) {
				cents += cents(amount);
				n++;
			}
		}
		return (n == 0) ? 0 : cents / 100.0 / n;
	}

	/**
	 * A prepaid customer's estimated balance on D (yuan): the top-ups made up to the end of D minus the bills issued by
	 * D, over the imported history, in whole cents.
	 */
	public double balance(LocalDate d) {
		LocalDateTime until = d.plusDays(1).atStartOfDay();
		long cents = 0;
		for (int i = 0; i < this.topUpsAt.size(); i++) {
			if (this.topUpsAt.get(i).isBefore(until)) {
				cents += cents(this.topUpsAmount.get(i));
			}
		}
		for (int i = 0; i < this.billsIssuedOn.size(); i++) {
			if (!this.billsIssuedOn.get(i).isAfter(d)) {
				cents -= cents(this.billsAmount.get(i));
			}
		}
		return cents / 100.0;
	}

	private static long cents(double yuan) {
		return Math.round(yuan * 100);
	}

}
