package com.powerkg.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import static com.powerkg.history.CustomerHistory.CENT;

/**
 * A prepaid customer's bills are paid from the balance: the top-ups cover the bills in the order they were issued. So
 * a prepaid bill's openUntil is when the customer's top-ups, taken in the order they were made, first covered every
 * bill issued up to the bill's issue day, to the cent; 9999-12-31 while they do not; its issue day for a bill of
 * nothing to pay. Then whenever a prepaid customer's estimated balance on a day D (top-ups up to the end of D minus the
 * bills issued by D, customer-details.cypher) is short by a cent or more, one of the bills issued by D is still open
 * after D (with the contract's money in cents and top-ups above nothing; a later credit note can leave a bill open for
 * a balance that is not short, which the details then find), so the same index range as the postpaid bills finds these
 * customers (other-customers.cypher) instead of summing every prepaid customer's history. Bills issued on the same day
 * are covered together, so their order within the day does not matter.
 * <p>
 * The same reading gives the customer's ledger: its bills (issue day, period, amount) and top-ups (time, amount) as lists
 * on one {@code :PrepaidLedger} node ({@code prepaid-ledger-write.cypher}), from which the plan of another date takes
 * the balance and the average bill instead of reading the customer's whole history (issue J). A payments batch that
 * writes, moves or lessens a top-up deletes the ledger in its own transaction, and this computation writes it again
 * after the commit: a computation lost to a crash leaves the plan reading the history, never a stale balance.
 * <p>
 * Computed per customer (a top-up or a bill changes the times of the customer's later bills), in the import's
 * transaction: for the customers of each batch of bills and payments, and of customers whose payment mode changed. A
 * bulk load writes it with each bill ({@link BillSettlement}), and {@code V0018} fills it for the prepaid bills imported
 * before it, all with this same rule ({@code BillOpenUntilTest} holds the three to one fixture). Postpaid customers are
 * left to bill-open-until.cypher. A bill's issue day and amount and a top-up's time and amount are required by the
 * data contract (a row without them is rejected at import), so a missing one fails the import's transaction here
 * rather than giving a wrong time.
 */
final class PrepaidOpenUntil {

	static final LocalDateTime STILL_OPEN = LocalDateTime.of(9999, 12, 31, 0, 0);

	private static final String READ = CypherResource.load(PrepaidOpenUntil.class, "prepaid-history.cypher");

	private static final String WRITE = CypherResource.load(PrepaidOpenUntil.class, "prepaid-open-until-write.cypher");

	private PrepaidOpenUntil() {
	}

	private static final String WRITE_LEDGER = CypherResource.load(PrepaidOpenUntil.class, "prepaid-ledger-write.cypher");

	/**
	 * A bill as read: a reference to write it back by, its issue day, amount, the openUntil it has now (or null) and its
	 * period.
	 */
	record Bill(String ref, LocalDate issuedOn, double amount, LocalDateTime was, String period) {
	}

	/** The order of a ledger's bills: by issue day, then period and amount, so that every import writes the same lists. */
	static final Comparator<Bill> LEDGER_ORDER = Comparator.comparing(Bill::issuedOn).thenComparing(Bill::period)
		.thenComparingDouble(Bill::amount);

	/** The order of a ledger's top-ups: by time, then amount. */
	static final Comparator<TopUp> TOP_UP_ORDER = Comparator.comparing(TopUp::paidAt).thenComparingDouble(TopUp::amount);

	record TopUp(LocalDateTime paidAt, double amount) {
	}

	/**
	 * Computes and writes the times of the prepaid customers among {@code customerIds}, only those that change, and
	 * each one's ledger.
	 */
	static void compute(TransactionContext tx, Collection<String> customerIds) {
		List<Map<String, Object>> changes = new ArrayList<>();
		List<Map<String, Object>> ledgers = new ArrayList<>();
		tx.run(READ, Map.of("customerIds", List.copyOf(customerIds))).forEachRemaining(r -> {
			List<Bill> bills = r.get("bills").asList(v -> new Bill(v.get(0).asString(), v.get(1).asLocalDate(), v.get(2).asDouble(),
					v.get(3).isNull() ? null : v.get(3).asLocalDateTime(), v.get(4).asString()));
			List<TopUp> topUps = r.get("topUps").asList(PrepaidOpenUntil::topUp);
			openUntil(bills, topUps).forEach((bill, openUntil) -> {
				if (!openUntil.equals(bill.was())) {
					changes.add(Map.of("bill", bill.ref(), "openUntil", openUntil));
				}
			});
			ledgers.add(ledger(r.get("customer").asString(), bills, topUps));
		});
		if (!changes.isEmpty()) {
			tx.run(WRITE, Map.of("changes", changes)).consume();
		}
		if (!ledgers.isEmpty()) {
			tx.run(WRITE_LEDGER, Map.of("ledgers", ledgers)).consume();
		}
	}

	/** A customer's ledger as written: its bills and top-ups as dated amounts, in a fixed order; no list without items. */
	static Map<String, Object> ledger(String customer, List<Bill> bills, List<TopUp> topUps) {
		List<Bill> issued = bills.stream().sorted(LEDGER_ORDER).toList();
		List<TopUp> made = topUps.stream().sorted(TOP_UP_ORDER).toList();
		Map<String, Object> ledger = new HashMap<>();
		ledger.put("customer", customer);
		ledger.put("billsIssuedOn", issued.isEmpty() ? null : issued.stream().map(Bill::issuedOn).toList());
		ledger.put("billsPeriod", issued.isEmpty() ? null : issued.stream().map(Bill::period).toList());
		ledger.put("billsAmount", issued.isEmpty() ? null : issued.stream().map(Bill::amount).toList());
		ledger.put("topUpsAt", made.isEmpty() ? null : made.stream().map(TopUp::paidAt).toList());
		ledger.put("topUpsAmount", made.isEmpty() ? null : made.stream().map(TopUp::amount).toList());
		return ledger;
	}

	private static TopUp topUp(Value v) {
		return new TopUp(v.get(0).asLocalDateTime(), v.get(1).asDouble());
	}

	/** The rule for one customer: each bill's openUntil. */
	static Map<Bill, LocalDateTime> openUntil(List<Bill> bills, List<TopUp> topUps) {
		List<Bill> issued = new ArrayList<>(bills);
		issued.sort(Comparator.comparing(Bill::issuedOn));
		List<TopUp> made = new ArrayList<>(topUps);
		made.sort(Comparator.comparing(TopUp::paidAt));
		long[] days = new long[issued.size()];
		double[] amounts = new double[issued.size()];
		for (int i = 0; i < days.length; i++) {
			days[i] = issued.get(i).issuedOn().toEpochDay();
			amounts[i] = issued.get(i).amount();
		}
		int[] coveredBy = coveredBy(days, amounts, made.stream().mapToDouble(TopUp::amount).toArray());
		Map<Bill, LocalDateTime> times = new HashMap<>();
		for (int i = 0; i < days.length; i++) {
			Bill bill = issued.get(i);
			times.put(bill, (bill.amount() <= CENT) ? bill.issuedOn().atStartOfDay()
					: (coveredBy[i] < 0) ? STILL_OPEN : made.get(coveredBy[i]).paidAt());
		}
		return times;
	}

	/**
	 * The rule itself, shared with the bulk load ({@link BillSettlement}): for a customer's bills in issue order (their
	 * issue days and amounts) and top-ups in the order they were made, the top-up that first covered every bill issued
	 * up to each bill's day, to the cent, or -1 while none did. Bills of one day are covered together. (A bill of
	 * nothing to pay is closed on its day whatever this says; the callers see to that.)
	 */
	static int[] coveredBy(long[] issuedDays, double[] amounts, double[] topUps) {
		int[] coveredBy = new int[issuedDays.length];
		double due = 0.0;
		for (int i = 0; i < issuedDays.length;) {
			int end = i;
			while (end < issuedDays.length && issuedDays[end] == issuedDays[i]) {
				due += amounts[end];
				end++;
			}
			int cover = -1;
			double covered = 0.0;
			for (int t = 0; t < topUps.length; t++) {
				covered += topUps[t];
				if (covered >= due - CENT) {
					cover = t;
					break;
				}
			}
			for (; i < end; i++) {
				coveredBy[i] = cover;
			}
		}
		return coveredBy;
	}

}
