package com.powerkg.generate;

import com.powerkg.generate.CustomerHistory.Contact;
import com.powerkg.generate.CustomerHistory.Payment;
import com.powerkg.generate.CustomerHistory.WorkOrder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The open CSV files of one run and how a customer's history becomes rows in them. */
final class OutputFiles implements Closeable {

	private final EnumMap<OutputFile, CsvWriter> writers = new EnumMap<>(OutputFile.class);
	private final CsvWriter customers;
	private final CsvWriter consumption;
	private final CsvWriter bills;
	private final CsvWriter payments;
	private final CsvWriter contacts;
	private final CsvWriter workOrders;
	private final CsvWriter creditOutcomes;

	private OutputFiles(Path directory) throws IOException {
		try {
			for (OutputFile file : OutputFile.values()) {
				writers.put(file, new CsvWriter(directory.resolve(file.fileName()), file.columns()));
			}
		} catch (IOException | RuntimeException e) {
			try {
				close();
			} catch (IOException suppressed) {
				e.addSuppressed(suppressed);
			}
			throw e;
		}
		customers = writers.get(OutputFile.CUSTOMERS);
		consumption = writers.get(OutputFile.CONSUMPTION);
		bills = writers.get(OutputFile.BILLS);
		payments = writers.get(OutputFile.PAYMENTS);
		contacts = writers.get(OutputFile.DUNNING_CONTACTS);
		workOrders = writers.get(OutputFile.WORK_ORDERS);
		creditOutcomes = writers.get(OutputFile.CREDIT_OUTCOMES);
	}

	/** Creates (or truncates) every contract file in {@code directory} and writes the headers. */
	static OutputFiles open(Path directory) throws IOException {
		return new OutputFiles(directory);
	}

	void write(Customer customer, CustomerHistory history, PeriodCalendar calendar) throws IOException {
		String id = customer.id();
		writeCustomer(customer);
		for (int k = 0; k < calendar.months(); k++) {
			consumption.text(id).text(calendar.periodLabel(k)).decimal(history.kwh[k], 2)
					.decimal(history.peakKwh[k], 2).decimal(history.flatKwh[k], 2).decimal(history.valleyKwh[k], 2)
					.endRow();
		}
		for (int k = 0; k < calendar.months(); k++) {
			bills.field().appendAscii(id).appendAscii(calendar.billIdSuffix(k));
			bills.text(id).text(calendar.periodLabel(k)).date(history.issueDay[k]).date(calendar.dueDay(k))
					.decimal(history.amountCents[k], 2).text(history.anomaly[k].name()).endRow();
		}
		int n = 0;
		for (Payment p : history.payments) {
			payments.field().appendAscii(id).appendAscii("-P").appendPadded(++n, 4);
			payments.text(id);
			billId(payments, id, p.period(), calendar);
			payments.timestamp(p.paidAt()).decimal(p.cents(), 2).text(p.channel().name())
					.text(p.period() == CustomerHistory.NO_PERIOD ? "TOPUP" : "BILL").endRow();
		}
		n = 0;
		for (Contact c : history.contacts) {
			contacts.field().appendAscii(id).appendAscii("-D").appendPadded(++n, 4);
			contacts.text(id);
			billId(contacts, id, c.period(), calendar);
			contacts.timestamp(c.contactedAt()).integer(c.round()).text(c.method().name()).bool(c.reached())
					.text(c.response().name()).endRow();
		}
		n = 0;
		for (WorkOrder w : history.workOrders) {
			workOrders.field().appendAscii(id).appendAscii("-W").appendPadded(++n, 4);
			workOrders.text(id).timestamp(w.createdAt()).text(w.type().name()).text(w.topic().name())
					.text(w.channel().name()).endRow();
		}
		if (calendar.hasOutcomes() && customer.outcomeObserved()) {
			creditOutcomes.text(id).date(calendar.observedOnDay())
					.integer(history.defaulted ? 1 : 0).endRow();
		}
	}

	private void writeCustomer(Customer c) throws IOException {
		customers.text(c.id()).text(c.name()).text(c.phone()).text(c.category().name()).text(c.industryCode())
				.decimalTrimmed(c.voltageCentiKv(), 2).integer(c.capacityKva()).text(c.importance().name())
				.text(c.prepaid() ? "PREPAID" : "POSTPAID").text(c.region()).date(c.openedOnDay())
				.text(c.socialCredit());
		if (c.financials() != null) {
			customers.decimal(thousandths(c.financials().assetLiabilityRatio()), 3)
					.decimal(thousandths(c.financials().currentRatio()), 3)
					.decimal(thousandths(c.financials().returnOnNetAssets()), 3)
					.decimal(thousandths(c.financials().loanOnTimeRate()), 3);
		} else {
			customers.blank().blank().blank().blank();
		}
		if (c.equipment() != null) {
			customers.bool(c.equipment().reactiveCompensation()).bool(c.equipment().calibrationOnSchedule())
					.integer(c.equipment().accidentsLast3Years());
		} else {
			customers.blank().blank().blank();
		}
		customers.endRow();
	}

	private static void billId(CsvWriter writer, String customerId, int period, PeriodCalendar calendar) throws IOException {
		if (period == CustomerHistory.NO_PERIOD) {
			writer.blank();
		} else {
			writer.field().appendAscii(customerId).appendAscii(calendar.billIdSuffix(period));
		}
	}

	private static long thousandths(double ratio) {
		return Math.round(ratio * 1000);
	}

	/** File name to data rows, in contract order. */
	Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		writers.forEach((file, writer) -> counts.put(file.fileName(), writer.rows()));
		return counts;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (CsvWriter writer : writers.values()) {
			try {
				writer.close();
			} catch (IOException e) {
				if (failure == null) {
					failure = e;
				} else {
					failure.addSuppressed(e);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
