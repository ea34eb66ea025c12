package com.powerkg.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.StringJoiner;
import java.util.function.Consumer;

import com.powerkg.history.CustomerHistory;

/**
 * The {@code openUntil} of every bill of a bulk load, computed while the files are read, so that the store the importer
 * builds has it and V0016 finds nothing to do (it would take minutes at a city's size). The rule is the one of
 * {@code bill-open-until.cypher}: when the bill's payments, taken in the order they were made, first covered its amount
 * to the cent; 9999-12-31 while they do not; its issue day for a bill of nothing to pay. Payments made at the same
 * moment give that moment whatever their order, so the payment ids are not needed. A prepaid customer's bills follow
 * the rule of {@link PrepaidOpenUntil} instead: when the customer's top-ups first covered every bill issued up
 * to the bill's issue day.
 * <p>
 * It also writes each prepaid customer's ledger (its bills and top-ups as dated amounts, {@link #ledgers}), as
 * {@link PrepaidOpenUntil} keeps it in the transactional path.
 * <p>
 * Memory: 20 bytes per bill and 24 per payment that settles a bill or top-up, in arrays that grow by half, and 12 bytes
 * a bill and 4 a payment more while they are grouped (kept until the ledgers are written: 4 bytes a bill and a top-up
 * more): about 1.5–2 GB at 1M customers × 24 months.
 */
final class BillSettlement {

	static final LocalDateTime STILL_OPEN = LocalDateTime.of(9999, 12, 31, 0, 0);

	private double[] billAmount = new double[1 << 12];

	private int[] billIssuedDay = new int[1 << 12];

	/** Each bill's period as months since year 0 (year × 12 + month − 1), for the prepaid ledgers. */
	private int[] billPeriod = new int[1 << 12];

	private int bills;

	/** The customer of each bill, and which customers are prepaid. */
	private int[] billCustomer = new int[1 << 12];

	private final BitSet prepaid = new BitSet();

	private int[] topUpCustomer = new int[1 << 12];

	private long[] topUpSecond = new long[1 << 12];

	private int[] topUpNano = new int[1 << 12];

	private double[] topUpAmount = new double[1 << 12];

	private int topUps;

	/** Bills and top-ups grouped by customer (where each customer's start, and the indexes), each group in the ledger's order; after {@link #settle()}. */
	private int[] ledgerBillStart;

	private int[] ledgerBills;

	private int[] ledgerTopUpStart;

	private int[] ledgerTopUps;

	/** For each bill of a prepaid customer, the top-up that covered it, or -1 while none did; after {@link #settle()}. */
	private int[] coveredBy;

	private int[] paymentBill = new int[1 << 12];

	private long[] paymentSecond = new long[1 << 12];

	private int[] paymentNano = new int[1 << 12];

	private double[] paymentAmount = new double[1 << 12];

	private int payments;

	/** The first payment (index into {@link #order}) of each bill, and one past its last; after {@link #settle()}. */
	private int[] start;

	/** Payment indexes grouped by bill, each bill's in the order they were made; after {@link #settle()}. */
	private int[] order;

	/** An accepted customer, numbered as {@link BulkReferences} numbers them: prepaid or not. */
	void customer(int number, boolean prepaid) {
		this.prepaid.set(number, prepaid);
	}

	/** An accepted bill; bills come numbered 0, 1, 2, ... as {@link BulkReferences} numbers them. */
	void bill(int number, int customer, LocalDate issuedOn, double amount, YearMonth period) {
		if (number != this.bills) {
			throw new IllegalStateException("bill " + number + " out of order, expected " + this.bills);
		}
		if (this.bills == this.billAmount.length) {
			this.billAmount = Arrays.copyOf(this.billAmount, grown(this.bills));
			this.billIssuedDay = Arrays.copyOf(this.billIssuedDay, grown(this.bills));
			this.billPeriod = Arrays.copyOf(this.billPeriod, grown(this.bills));
			this.billCustomer = Arrays.copyOf(this.billCustomer, grown(this.bills));
		}
		this.billAmount[this.bills] = amount;
		this.billIssuedDay[this.bills] = Math.toIntExact(issuedOn.toEpochDay());
		this.billPeriod[this.bills] = Math.toIntExact(period.getYear() * 12L + period.getMonthValue() - 1);
		this.billCustomer[this.bills] = customer;
		this.bills++;
	}

	/** An accepted top-up (a payment of kind TOPUP) of a customer. */
	void topUp(int customer, LocalDateTime paidAt, double amount) {
		if (this.topUps == this.topUpCustomer.length) {
			int size = grown(this.topUps);
			this.topUpCustomer = Arrays.copyOf(this.topUpCustomer, size);
			this.topUpSecond = Arrays.copyOf(this.topUpSecond, size);
			this.topUpNano = Arrays.copyOf(this.topUpNano, size);
			this.topUpAmount = Arrays.copyOf(this.topUpAmount, size);
		}
		this.topUpCustomer[this.topUps] = customer;
		this.topUpSecond[this.topUps] = paidAt.toEpochSecond(ZoneOffset.UTC);
		this.topUpNano[this.topUps] = paidAt.getNano();
		this.topUpAmount[this.topUps] = amount;
		this.topUps++;
	}

	/** An accepted payment of a bill (top-ups settle none). */
	void payment(int bill, LocalDateTime paidAt, double amount) {
		if (this.payments == this.paymentBill.length) {
			int size = grown(this.payments);
			this.paymentBill = Arrays.copyOf(this.paymentBill, size);
			this.paymentSecond = Arrays.copyOf(this.paymentSecond, size);
			this.paymentNano = Arrays.copyOf(this.paymentNano, size);
			this.paymentAmount = Arrays.copyOf(this.paymentAmount, size);
		}
		this.paymentBill[this.payments] = bill;
		this.paymentSecond[this.payments] = paidAt.toEpochSecond(ZoneOffset.UTC);
		this.paymentNano[this.payments] = paidAt.getNano();
		this.paymentAmount[this.payments] = amount;
		this.payments++;
	}

	/** By half: arrays of tens of millions waste less than when doubled. */
	private static int grown(int size) {
		return Math.addExact(size, size >> 1);
	}

	/** Groups the payments by bill (a counting sort), each bill's few in the order they were made. */
	void settle() {
		if (this.order != null) {
			return; // grouped already
		}
		int[] first = new int[this.bills + 1];
		for (int p = 0; p < this.payments; p++) {
			first[this.paymentBill[p] + 1]++;
		}
		for (int b = 0; b < this.bills; b++) {
			first[b + 1] += first[b];
		}
		int[] next = Arrays.copyOf(first, this.bills);
		int[] grouped = new int[this.payments];
		for (int p = 0; p < this.payments; p++) {
			grouped[next[this.paymentBill[p]]++] = p;
		}
		this.paymentBill = null; // grouped now
		for (int b = 0; b < this.bills; b++) {
			if (first[b + 1] - first[b] > 16) {
				// untidy data can put many payments on one bill: no quadratic sort for them
				Integer[] many = new Integer[first[b + 1] - first[b]];
				for (int i = 0; i < many.length; i++) {
					many[i] = grouped[first[b] + i];
				}
				Arrays.sort(many, (p, q) -> later(p, q) ? 1 : later(q, p) ? -1 : 0);
				for (int i = 0; i < many.length; i++) {
					grouped[first[b] + i] = many[i];
				}
				continue;
			}
			// insertion sort: a bill has one payment, sometimes a few
			for (int i = first[b] + 1; i < first[b + 1]; i++) {
				int p = grouped[i];
				int j = i - 1;
				while (j >= first[b] && later(grouped[j], p)) {
					grouped[j + 1] = grouped[j];
					j--;
				}
				grouped[j + 1] = p;
			}
		}
		this.start = first;
		this.order = grouped;
		coverPrepaidBills();
	}

	/**
	 * For each prepaid customer: the bills grouped by issue day, each day's bills covered by the first top-up (in the
	 * order they were made) with which the top-ups so far reach every bill issued up to that day, to the cent.
	 */
	private void coverPrepaidBills() {
		this.coveredBy = new int[this.bills];
		Arrays.fill(this.coveredBy, -1);
		if (this.prepaid.isEmpty()) {
			return;
		}
		int customers = this.prepaid.length();
		int[] billStart = groupBy(this.billCustomer, this.bills, customers);
		int[] bills = grouped(this.billCustomer, this.bills, billStart);
		int[] topUpStart = groupBy(this.topUpCustomer, this.topUps, customers);
		int[] topUps = grouped(this.topUpCustomer, this.topUps, topUpStart);
		for (int c = this.prepaid.nextSetBit(0); c >= 0; c = this.prepaid.nextSetBit(c + 1)) {
			Integer[] own = new Integer[billStart[c + 1] - billStart[c]];
			for (int i = 0; i < own.length; i++) {
				own[i] = bills[billStart[c] + i];
			}
			// in the ledger's order (PrepaidOpenUntil.LEDGER_ORDER); the bills of one day are covered together whatever it is
			Arrays.sort(own, (a, b) -> this.billIssuedDay[a] != this.billIssuedDay[b] ? Integer.compare(this.billIssuedDay[a], this.billIssuedDay[b])
					: this.billPeriod[a] != this.billPeriod[b] ? Integer.compare(this.billPeriod[a], this.billPeriod[b])
					: Double.compare(this.billAmount[a], this.billAmount[b]));
			Integer[] paid = new Integer[topUpStart[c + 1] - topUpStart[c]];
			for (int i = 0; i < paid.length; i++) {
				paid[i] = topUps[topUpStart[c] + i];
			}
			// by time, then amount (PrepaidOpenUntil.TOP_UP_ORDER): top-ups of one moment give that moment in either order
			Arrays.sort(paid, (p, q) -> this.topUpSecond[p] != this.topUpSecond[q] ? Long.compare(this.topUpSecond[p], this.topUpSecond[q])
					: this.topUpNano[p] != this.topUpNano[q] ? Integer.compare(this.topUpNano[p], this.topUpNano[q])
					: Double.compare(this.topUpAmount[p], this.topUpAmount[q]));
			for (int i = 0; i < own.length; i++) {
				bills[billStart[c] + i] = own[i];
			}
			for (int i = 0; i < paid.length; i++) {
				topUps[topUpStart[c] + i] = paid[i];
			}
			long[] days = new long[own.length];
			double[] amounts = new double[own.length];
			for (int i = 0; i < own.length; i++) {
				days[i] = this.billIssuedDay[own[i]];
				amounts[i] = this.billAmount[own[i]];
			}
			double[] topUpAmounts = new double[paid.length];
			for (int i = 0; i < paid.length; i++) {
				topUpAmounts[i] = this.topUpAmount[paid[i]];
			}
			int[] cover = PrepaidOpenUntil.coveredBy(days, amounts, topUpAmounts);
			for (int i = 0; i < own.length; i++) {
				this.coveredBy[own[i]] = (cover[i] < 0) ? -1 : paid[cover[i]];
			}
		}
		this.ledgerBillStart = billStart;
		this.ledgerBills = bills;
		this.ledgerTopUpStart = topUpStart;
		this.ledgerTopUps = topUps;
	}

	/** The cells of one prepaid customer's ledger, as the importer reads arrays (items split by ';'). */
	record LedgerCells(int customer, String billsIssuedOn, String billsPeriod, String billsAmount, String topUpsAt,
			String topUpsAmount) {
	}

	/**
	 * The ledger of every prepaid customer with a bill or a top-up, in customer order, in the order and form
	 * PrepaidOpenUntil writes them (an empty cell where the customer has no item of a list); after {@link #settle()}.
	 */
	void ledgers(Consumer<LedgerCells> sink) {
		settle();
		if (this.ledgerBillStart == null) {
			return; // no prepaid customer
		}
		for (int c = this.prepaid.nextSetBit(0); c >= 0; c = this.prepaid.nextSetBit(c + 1)) {
			int firstBill = this.ledgerBillStart[c];
			int endBill = this.ledgerBillStart[c + 1];
			int firstTopUp = this.ledgerTopUpStart[c];
			int endTopUp = this.ledgerTopUpStart[c + 1];
			if (firstBill == endBill && firstTopUp == endTopUp) {
				continue;
			}
			StringJoiner issued = new StringJoiner(";");
			StringJoiner periods = new StringJoiner(";");
			StringJoiner amounts = new StringJoiner(";");
			for (int i = firstBill; i < endBill; i++) {
				int b = this.ledgerBills[i];
				issued.add(LocalDate.ofEpochDay(this.billIssuedDay[b]).toString());
				periods.add(YearMonth.of(this.billPeriod[b] / 12, this.billPeriod[b] % 12 + 1).toString());
				amounts.add(Double.toString(this.billAmount[b]));
			}
			StringJoiner at = new StringJoiner(";");
			StringJoiner topUpAmounts = new StringJoiner(";");
			for (int i = firstTopUp; i < endTopUp; i++) {
				int t = this.ledgerTopUps[i];
				at.add(LocalDateTime.ofEpochSecond(this.topUpSecond[t], this.topUpNano[t], ZoneOffset.UTC).toString());
				topUpAmounts.add(Double.toString(this.topUpAmount[t]));
			}
			boolean billed = firstBill < endBill;
			boolean toppedUp = firstTopUp < endTopUp;
			sink.accept(new LedgerCells(c, billed ? issued.toString() : null, billed ? periods.toString() : null,
					billed ? amounts.toString() : null, toppedUp ? at.toString() : null, toppedUp ? topUpAmounts.toString() : null));
		}
	}

	/** Where each group starts when the items are grouped by their key (a counting sort), and one past the last. */
	private static int[] groupBy(int[] key, int size, int groups) {
		int[] first = new int[groups + 1];
		for (int i = 0; i < size; i++) {
			if (key[i] < groups) {
				first[key[i] + 1]++;
			}
		}
		for (int g = 0; g < groups; g++) {
			first[g + 1] += first[g];
		}
		return first;
	}

	private static int[] grouped(int[] key, int size, int[] first) {
		int groups = first.length - 1;
		int[] next = Arrays.copyOf(first, groups);
		int[] grouped = new int[first[groups]];
		for (int i = 0; i < size; i++) {
			if (key[i] < groups) {
				grouped[next[key[i]]++] = i;
			}
		}
		return grouped;
	}

	private boolean later(int p, int q) {
		return this.paymentSecond[p] > this.paymentSecond[q]
				|| (this.paymentSecond[p] == this.paymentSecond[q] && this.paymentNano[p] > this.paymentNano[q]);
	}

	/** The bill's openUntil, by the rule of bill-open-until.cypher (PrepaidOpenUntil for a prepaid customer's); after {@link #settle()}. */
	LocalDateTime openUntil(int bill) {
		double amount = this.billAmount[bill];
		if (amount <= CustomerHistory.CENT) {
			return LocalDate.ofEpochDay(this.billIssuedDay[bill]).atTime(LocalTime.MIDNIGHT);
		}
		if (this.prepaid.get(this.billCustomer[bill])) {
			int t = this.coveredBy[bill];
			return (t < 0) ? STILL_OPEN : LocalDateTime.ofEpochSecond(this.topUpSecond[t], this.topUpNano[t], ZoneOffset.UTC);
		}
		double paid = 0.0;
		for (int i = this.start[bill]; i < this.start[bill + 1]; i++) {
			int p = this.order[i];
			paid += this.paymentAmount[p];
			if (paid >= amount - CustomerHistory.CENT) {
				return LocalDateTime.ofEpochSecond(this.paymentSecond[p], this.paymentNano[p], ZoneOffset.UTC);
			}
		}
		return STILL_OPEN;
	}

	/**
	 * Copies the importer's bill rows of {@code from} to {@code to}, each with its openUntil as a last cell. A row ends at
	 * a line break outside quotes (a quoted cell may hold one) and starts with the bill's number, as
	 * {@link BulkFiles} writes them; the header line gets {@code header} appended.
	 */
	void appendOpenUntil(Path from, Writer to, String header) {
		settle();
		try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
			char[] buffer = new char[1 << 16];
			StringBuilder row = new StringBuilder(256);
			boolean quoted = false;
			boolean first = true;
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					char c = buffer[i];
					if (c == '"') {
						quoted = !quoted;
					}
					if (c != '\n' || quoted) {
						row.append(c);
						continue;
					}
					to.append(row).append(',');
					if (first) {
						to.append(header);
						first = false;
					}
					else {
						int comma = row.indexOf(",");
						to.append(openUntil(Integer.parseInt(row, 0, comma, 10)).toString());
					}
					to.append('\n');
					row.setLength(0);
				}
			}
			if (!row.isEmpty()) {
				throw new IllegalStateException(from + " does not end with a line break");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + from, ex);
		}
	}

}
