package com.powerkg.credit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A population written in the import contract by a process of its own, unlike the project's generator and unlike the
 * model: shaped after a public credit data set of monthly statements (6 months of bills and payments per customer, the
 * outcome observed right after the last month, most customers paying part of each bill).
 *
 * <p>Each customer has a hidden financial strain z ~ N(0, 1) and a monthly strain u_t = z + e_t (e an AR(1) with
 * ρ = 0.6, σ = 0.7). What shows in the data is noisy and partial: a payer type drawn from z (in full, revolving part of
 * each bill, or now and then skipping a bill), a share paid each month from u_t with noise, payment days that slip
 * with u_t, and bills whose size does not depend on either. Whether the customer defaults depends on z, on the last
 * month's strain and on a hidden shock h ~ N(0, 1) that no payment shows: log-odds −1.85 + 1.3·z + 0.7·e + 0.6·h, so that
 * even an oracle knowing z and e ranks them with an AUC of about 0.8 (about where the best published models stand on the
 * data set this imitates). About 21 % default.
 */
final class RevolvingPayers {

	static final YearMonth FIRST = YearMonth.of(2005, 4);

	static final int MONTHS = 6;

	/** Right after the last month: the last bill (of 2005-09) was due 2005-10-20 and paid by the end of October. */
	static final LocalDate OBSERVED_ON = LocalDate.of(2005, 10, 31);

	/**
	 * What the process decided for one customer, kept by the test to measure ratings against.
	 *
	 * @param strain the part of the default's log-odds that behaviour can hint at (z and the last month's strain): an
	 *               oracle that knew it would rank customers as well as anything can on these data
	 */
	record Truth(String id, boolean defaulted, boolean outcomeImported, double strain) {
	}

	private RevolvingPayers() {
	}

	/**
	 * Writes customers.csv, bills.csv, payments.csv and credit_outcomes.csv (outcomes of {@code importedShare} of the
	 * customers only; the others are kept out, as an external check keeps them) and returns every customer's truth.
	 */
	static Map<String, Truth> write(Path dir, int customers, double importedShare, long seed) throws IOException {
		Files.createDirectories(dir);
		Map<String, Truth> truth = new HashMap<>();
		try (var c = writer(dir, "customers.csv"); var b = writer(dir, "bills.csv"); var p = writer(dir, "payments.csv");
				var o = writer(dir, "credit_outcomes.csv")) {
			c.println("customer_id,usage_category,payment_mode,region,opened_on");
			b.println("bill_id,customer_id,period,issued_on,due_on,amount,anomaly");
			p.println("payment_id,customer_id,bill_id,paid_at,amount,channel,kind");
			o.println("customer_id,observed_on,defaulted");
			SplittableRandom root = new SplittableRandom(seed);
			int payments = 0;
			for (int i = 0; i < customers; i++) {
				SplittableRandom r = root.split();
				String id = String.format(Locale.ROOT, "X%06d", i);
				c.printf(Locale.ROOT, "%s,RESIDENTIAL,POSTPAID,区%02d,%s%n", id, r.nextInt(12), LocalDate.of(2000, 1, 1).plusDays(r.nextInt(1800)));
				double z = r.nextGaussian();
				// payer type: strained customers revolve or skip more often, but plenty of them pay in full and vice versa
				double typeDraw = r.nextDouble();
				double pFull = 0.45 / (1 + Math.exp(1.2 * z));
				double pSkip = 0.25 / (1 + Math.exp(-1.2 * (z - 0.8)));
				int type = typeDraw < pFull ? 0 : typeDraw < pFull + pSkip ? 2 : 1;
				double size = Math.exp(5.2 + 0.8 * r.nextGaussian());
				double e = 0.7 * r.nextGaussian();
				double u = z + e;
				for (int m = 0; m < MONTHS; m++) {
					if (m > 0) {
						e = 0.6 * e + 0.7 * Math.sqrt(1 - 0.36) * r.nextGaussian();
						u = z + e;
					}
					YearMonth period = FIRST.plusMonths(m);
					LocalDate issued = period.atEndOfMonth();
					LocalDate due = period.plusMonths(1).atDay(20);
					double amount = Math.max(1, Math.round(size * (0.8 + 0.4 * r.nextDouble()) * 100) / 100.0);
					String billId = id + "-" + period;
					b.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%.2f,NONE%n", billId, id, period, issued, due, amount);
					double share = switch (type) {
						case 0 -> r.nextDouble() < 0.93 ? 1 : 0.5 + 0.5 * r.nextDouble();
						case 2 -> r.nextDouble() < 0.2 + 0.25 / (1 + Math.exp(-u)) ? 0 : shareOf(u, r);
						default -> shareOf(u, r);
					};
					if (share <= 0) {
						continue;
					}
					// payment day: around the due date, later with strain; most before it
					int slip = (int) Math.round(-8 + 6 * u + 6 * r.nextGaussian());
					LocalDate day = due.plusDays(Math.max(-19, Math.min(10, slip)));
					double paid = Math.round(amount * share * 100) / 100.0;
					if (paid < 0.01) {
						continue;
					}
					LocalDateTime at = day.atTime(8 + r.nextInt(12), r.nextInt(60));
					p.printf(Locale.ROOT, "P%08d,%s,%s,%s,%.2f,WECHAT,BILL%n", ++payments, id, billId, at, paid);
				}
				double strain = 1.3 * z + 0.7 * e;
				double h = r.nextGaussian();
				boolean defaulted = r.nextDouble() < 1 / (1 + Math.exp(-(-1.85 + strain + 0.6 * h)));
				boolean imported = r.nextDouble() < importedShare;
				if (imported) {
					o.printf(Locale.ROOT, "%s,%s,%d%n", id, OBSERVED_ON, defaulted ? 1 : 0);
				}
				truth.put(id, new Truth(id, defaulted, imported, strain));
			}
		}
		return truth;
	}

	/** Revolvers pay a share that falls with the month's strain: often the minimum, sometimes most of the bill. */
	private static double shareOf(double u, SplittableRandom r) {
		double mean = 1 / (1 + Math.exp(-(0.6 - 1.1 * u + 0.8 * r.nextGaussian())));
		return Math.max(0.05, Math.min(0.98, mean));
	}

	private static PrintWriter writer(Path dir, String file) throws IOException {
		return new PrintWriter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8));
	}

}
