package com.powerkg.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.contract.ContractCodes.PaymentKind;
import com.powerkg.contract.ContractCodes.PaymentMode;

/**
 * The node and relationship files of Neo4j's bulk importer ({@code neo4j-admin database import full}), written from the
 * validated rows of the contract files: the same labels, keys, property names and types, and relationships as the
 * transactional path's Cypher ({@code customers.cypher}, {@code bills.cypher}, ...), so both paths build the same graph
 * (BulkLoadTest compares them). Node ids are numbers, one id space per label.
 */
final class BulkFiles implements AutoCloseable {

	private final Path directory;

	private final Map<String, Output> outputs = new LinkedHashMap<>();

	/** One importer input file: its header and rows, and whether it holds nodes or relationships. */
	private static final class Output {

		final Path path;

		/** The label of the nodes, or the type of the relationships, in the file. */
		final String name;

		final boolean nodes;

		final BufferedWriter writer;

		long rows;

		/** Whether a cell holds a line break: the importer must be told, for this file only (it slows the reading). */
		boolean lineBreaks;

		Output(Path path, String name, boolean nodes, String header) throws IOException {
			this.path = path;
			this.name = name;
			this.nodes = nodes;
			this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
			if (header != null) {
				this.writer.write(header);
				this.writer.write('\n');
			}
		}

		void row(Object... values) {
			try {
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						this.writer.write(',');
					}
					cell(values[i]);
				}
				this.writer.write('\n');
				this.rows++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + this.path, ex);
			}
		}

		private void cell(Object value) throws IOException {
			if (value == null) {
				return; // empty: the property is not set
			}
			String text = value.toString();
			if (value instanceof String && needsQuotes(text)) {
				this.lineBreaks |= text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
				this.writer.write('"');
				this.writer.write(text.replace("\"", "\"\""));
				this.writer.write('"');
			}
			else {
				this.writer.write(text);
			}
		}

		private static boolean needsQuotes(String text) {
			if (text.isEmpty()) {
				return true; // an empty string is a value, not a missing one
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == ',' || c == '"' || c == '\n' || c == '\r') {
					return true;
				}
			}
			return Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
		}

	}

	private Output output(String file, boolean nodes, String header) {
		return this.outputs.computeIfAbsent(file, n -> {
			try {
				return new Output(this.directory.resolve(n), n.substring(0, n.indexOf(n.contains("-") ? '-' : '.')), nodes, header);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + this.directory.resolve(n), ex);
			}
		});
	}

	/** The bills' rows without their openUntil, while the payments are still to come. */
	private static final String BILLS_SO_FAR = "Bill.partial";

	/** When each bill was covered, from the bills and payments written. */
	private final BillSettlement settlement = new BillSettlement();

	/** Node ids of the shared nodes (regions, industries, channels), in the order first seen. */
	private final Map<String, Integer> regionIds = new LinkedHashMap<>();

	private final Map<String, Integer> industryIds = new LinkedHashMap<>();

	private final Map<String, Integer> channelIds = new LinkedHashMap<>();

	/** The next node id of the labels whose nodes only their own row refers to. */
	private final Map<ContractFile, long[]> next = new EnumMap<>(ContractFile.class);

	BulkFiles(Path directory, List<String> channels) {
		this.directory = directory;
		channels.forEach(code -> this.channelIds.put(code, this.channelIds.size()));
	}

	private long nextId(ContractFile file) {
		return this.next.computeIfAbsent(file, f -> new long[1])[0]++;
	}

	private static int shared(Map<String, Integer> ids, String code) {
		return ids.computeIfAbsent(code, c -> ids.size());
	}

	/**
	 * A validated row of a contract file, as nodes and relationships (references were checked by the caller). Node ids
	 * are numbers (the importer maps integers much faster than strings): customers and bills those of
	 * {@link BulkReferences}, other nodes numbered in file order; the natural key is a property as in the
	 * transactional path.
	 */
	void write(ContractFile file, Map<String, Object> row, BulkReferences references) {
		int customer = references.customer((String) row.get("customer_id"));
		switch (file) {
			case CUSTOMERS -> customer(row, customer);
			case CONSUMPTION -> {
				long id = nextId(file);
				output("Consumption.csv", true,
						":ID(Consumption),key,customerId,month,kwh:double,peakKwh:double,flatKwh:double,valleyKwh:double")
					.row(id, file.naturalKey(row), row.get("customer_id"), row.get("month"), row.get("kwh"),
							row.get("peak_kwh"), row.get("flat_kwh"), row.get("valley_kwh"));
				relationship("CONSUMED", "Customer", "Consumption").row(customer, id);
			}
			case BILLS -> {
				int bill = references.bill((String) row.get("bill_id"));
				// openUntil is known once the payments are read: finish() copies these rows into Bill.csv with it
				output(BILLS_SO_FAR, true, ":ID(Bill),id,period,issuedOn:date,dueOn:date,amount:double,anomaly")
					.row(bill, row.get("bill_id"), row.get("period"), row.get("issued_on"), row.get("due_on"), row.get("amount"),
							row.get("anomaly"));
				this.settlement.bill(bill, customer, (LocalDate) row.get("issued_on"), (Double) row.get("amount"),
						YearMonth.parse((String) row.get("period")));
				relationship("BILLED", "Customer", "Bill").row(customer, bill);
			}
			case PAYMENTS -> {
				long id = nextId(file);
				output("Payment.csv", true, ":ID(Payment),id,paidAt:localdatetime,amount:double,channel,kind,billId")
					.row(id, row.get("payment_id"), row.get("paid_at"), row.get("amount"), row.get("channel"), row.get("kind"),
							row.get("bill_id"));
				relationship("PAID", "Customer", "Payment").row(customer, id);
				relationship("VIA", "Payment", "Channel").row(id, shared(this.channelIds, (String) row.get("channel")));
				if (row.get("bill_id") != null) {
					int bill = references.bill((String) row.get("bill_id"));
					relationship("SETTLES", "Payment", "Bill").row(id, bill);
					this.settlement.payment(bill, (LocalDateTime) row.get("paid_at"), (Double) row.get("amount"));
				}
				if (PaymentKind.TOPUP.name().equals(row.get("kind"))) {
					this.settlement.topUp(customer, (LocalDateTime) row.get("paid_at"), (Double) row.get("amount"));
				}
			}
			case DUNNING_CONTACTS -> {
				long id = nextId(file);
				output("DunningContact.csv", true,
						":ID(DunningContact),id,contactedAt:localdatetime,round:long,method,reached:boolean,response,billId")
					.row(id, row.get("contact_id"), row.get("contacted_at"), row.get("round"), row.get("method"), row.get("reached"),
							row.get("response"), row.get("bill_id"));
				relationship("RECEIVED", "Customer", "DunningContact").row(customer, id);
				if (row.get("bill_id") != null) {
					relationship("CONCERNS", "DunningContact", "Bill").row(id, references.bill((String) row.get("bill_id")));
				}
			}
			case WORK_ORDERS -> {
				long id = nextId(file);
				output("WorkOrder.csv", true, ":ID(WorkOrder),id,createdAt:localdatetime,type,topic,channel")
					.row(id, row.get("order_id"), row.get("created_at"), row.get("type"), row.get("topic"), row.get("channel"));
				relationship("RAISED", "Customer", "WorkOrder").row(customer, id);
				relationship("VIA", "WorkOrder", "Channel").row(id, shared(this.channelIds, (String) row.get("channel")));
			}
			case CREDIT_OUTCOMES -> {
				long id = nextId(file);
				output("CreditOutcome.csv", true, ":ID(CreditOutcome),key,customerId,observedOn:date,defaulted:boolean")
					.row(id, file.naturalKey(row), row.get("customer_id"), row.get("observed_on"),
							row.get("defaulted"));
				relationship("HAS_OUTCOME", "Customer", "CreditOutcome").row(customer, id);
			}
		}
	}

	private void customer(Map<String, Object> row, int id) {
		this.settlement.customer(id, PaymentMode.PREPAID.name().equals(row.get("payment_mode")));
		output("Customer.csv", true, ":ID(Customer),id,name,phone,usageCategory,industryCode,voltageKv:double,"
				+ "contractCapacityKva:double,importance,paymentMode,region,openedOn:date,socialCredit,assetLiabilityRatio:double,"
				+ "currentRatio:double,returnOnNetAssets:double,loanOnTimeRate:double,reactiveCompensation:boolean,"
				+ "calibrationOnSchedule:boolean,equipmentAccidents:long,sourceHash:long")
			.row(id, row.get("customer_id"), row.get("name"), row.get("phone"), row.get("usage_category"), row.get("industry_code"),
					row.get("voltage_kv"), row.get("contract_capacity_kva"), row.get("importance"), row.get("payment_mode"),
					row.get("region"), row.get("opened_on"), row.get("social_credit"), row.get("asset_liability_ratio"),
					row.get("current_ratio"), row.get("return_on_net_assets"), row.get("loan_on_time_rate"),
					row.get("reactive_compensation"), row.get("calibration_on_schedule"), row.get("equipment_accidents"),
					SourceHash.of(ContractFile.CUSTOMERS, row));
		if (row.get("region") != null) {
			relationship("IN_REGION", "Customer", "Region").row(id, shared(this.regionIds, (String) row.get("region")));
		}
		if (row.get("industry_code") != null) {
			relationship("IN_INDUSTRY", "Customer", "Industry").row(id, shared(this.industryIds, (String) row.get("industry_code")));
		}
	}

	private Output relationship(String type, String from, String to) {
		return output(type + "-" + from + "-" + to + ".csv", false, ":START_ID(" + from + "),:END_ID(" + to + ")");
	}

	/**
	 * Writes the shared nodes (the reference channels, the regions and industries found) and closes every file.
	 * @return the importer's arguments naming the files ({@code --nodes=...}, {@code --relationships=...}, and
	 *         {@code --multiline-fields=...} for those with a line break in a cell)
	 */
	List<String> finish() {
		Output channel = output("Channel.csv", true, ":ID(Channel),code");
		this.channelIds.forEach((code, id) -> channel.row(id, code));
		if (!this.regionIds.isEmpty()) {
			Output region = output("Region.csv", true, ":ID(Region),code");
			this.regionIds.forEach((code, id) -> region.row(id, code));
		}
		if (!this.industryIds.isEmpty()) {
			Output industry = output("Industry.csv", true, ":ID(Industry),code");
			this.industryIds.forEach((code, id) -> industry.row(id, code));
		}
		Output bills = this.outputs.get(BILLS_SO_FAR);
		if (bills != null) {
			this.outputs.put(BILLS_SO_FAR, withOpenUntil(bills));
		}
		// each prepaid customer's bills and top-ups as dated amounts, as PrepaidOpenUntil keeps them (prepaid-ledger-write.cypher)
		this.settlement.ledgers(ledger -> {
			output("PrepaidLedger.csv", true, ":ID(PrepaidLedger),billsIssuedOn:date[],billsPeriod:string[],billsAmount:double[],"
					+ "topUpsAt:localdatetime[],topUpsAmount:double[]")
				.row(ledger.customer(), ledger.billsIssuedOn(), ledger.billsPeriod(), ledger.billsAmount(), ledger.topUpsAt(),
						ledger.topUpsAmount());
			relationship("HAS_LEDGER", "Customer", "PrepaidLedger").row(ledger.customer(), ledger.customer());
		});
		close();
		List<String> arguments = new ArrayList<>();
		this.outputs.values()
			.forEach(o -> arguments.add((o.nodes ? "--nodes=" : "--relationships=") + o.name + "=" + o.path.toAbsolutePath()));
		List<String> multiline = this.outputs.values().stream().filter(o -> o.lineBreaks).map(o -> o.path.toAbsolutePath().toString())
			.toList();
		if (!multiline.isEmpty()) {
			// a quoted line break in a name or an id is valid contract data; the importer reads it only in files named here
			arguments.add("--multiline-fields-format=v2");
			arguments.add("--multiline-fields=" + String.join(",", multiline));
		}
		return arguments;
	}

	/** The bills' final file: their rows so far, each with its openUntil (the rule of bill-open-until.cypher). */
	private Output withOpenUntil(Output bills) {
		try {
			bills.writer.close();
			Output complete = new Output(this.directory.resolve("Bill.csv"), bills.name, true, null);
			try {
				this.settlement.appendOpenUntil(bills.path, complete.writer, "openUntil:localdatetime");
			}
			catch (RuntimeException ex) {
				complete.writer.close();
				throw ex;
			}
			complete.rows = bills.rows;
			complete.lineBreaks = bills.lineBreaks;
			Files.delete(bills.path);
			return complete;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.directory.resolve("Bill.csv"), ex);
		}
	}

	/** Rows written per file (for the log). */
	Map<String, Long> rows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		this.outputs.forEach((name, o) -> rows.put(name, o.rows));
		return rows;
	}

	@Override
	public void close() {
		for (Output o : this.outputs.values()) {
			try {
				o.writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + o.path, ex);
			}
		}
	}

}
