package com.powerkg.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The node and relationship files of Neo4j's bulk importer ({@code neo4j-admin database import full}), written from the
 * validated rows of the contract files: the same labels, keys, property names and types, and relationships as the
 * transactional path's Cypher ({@code customers.cypher}, {@code bills.cypher}, ...), so both paths build the same graph
 * (BulkLoadTest compares them). Ids are the natural keys, one id space per label.
 */
final class BulkFiles implements AutoCloseable {

	private final Path directory;

	private final Map<String, Output> outputs = new LinkedHashMap<>();

	private final TreeSet<String> regions = new TreeSet<>();

	private final TreeSet<String> industries = new TreeSet<>();

	/** One importer input file: its header and rows, and whether it holds nodes or relationships. */
	private static final class Output {

		final Path path;

		/** The label of the nodes, or the type of the relationships, in the file. */
		final String name;

		final boolean nodes;

		final BufferedWriter writer;

		long rows;

		Output(Path path, String name, boolean nodes, String header) throws IOException {
			this.path = path;
			this.name = name;
			this.nodes = nodes;
			this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
			this.writer.write(header);
			this.writer.write('\n');
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

	BulkFiles(Path directory) {
		this.directory = directory;
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

	/** A validated row of a contract file, as nodes and relationships (references were checked by the caller). */
	void write(ContractFile file, Map<String, Object> row) {
		switch (file) {
			case CUSTOMERS -> customer(row);
			case CONSUMPTION -> {
				String key = row.get("customer_id") + "|" + row.get("month");
				output("Consumption.csv", true,
						"key:ID(Consumption),customerId,month,kwh:double,peakKwh:double,flatKwh:double,valleyKwh:double")
					.row(key, row.get("customer_id"), row.get("month"), row.get("kwh"), row.get("peak_kwh"),
							row.get("flat_kwh"), row.get("valley_kwh"));
				relationship("CONSUMED", "Customer", "Consumption").row(row.get("customer_id"), key);
			}
			case BILLS -> {
				output("Bill.csv", true, "id:ID(Bill),period,issuedOn:date,dueOn:date,amount:double,anomaly")
					.row(row.get("bill_id"), row.get("period"), row.get("issued_on"), row.get("due_on"), row.get("amount"),
							row.get("anomaly"));
				relationship("BILLED", "Customer", "Bill").row(row.get("customer_id"), row.get("bill_id"));
			}
			case PAYMENTS -> {
				output("Payment.csv", true, "id:ID(Payment),paidAt:localdatetime,amount:double,channel,kind")
					.row(row.get("payment_id"), row.get("paid_at"), row.get("amount"), row.get("channel"), row.get("kind"));
				relationship("PAID", "Customer", "Payment").row(row.get("customer_id"), row.get("payment_id"));
				relationship("VIA", "Payment", "Channel").row(row.get("payment_id"), row.get("channel"));
				if (row.get("bill_id") != null) {
					relationship("SETTLES", "Payment", "Bill").row(row.get("payment_id"), row.get("bill_id"));
				}
			}
			case DUNNING_CONTACTS -> {
				output("DunningContact.csv", true,
						"id:ID(DunningContact),contactedAt:localdatetime,round:long,method,reached:boolean,response")
					.row(row.get("contact_id"), row.get("contacted_at"), row.get("round"), row.get("method"),
							row.get("reached"), row.get("response"));
				relationship("RECEIVED", "Customer", "DunningContact").row(row.get("customer_id"), row.get("contact_id"));
				if (row.get("bill_id") != null) {
					relationship("CONCERNS", "DunningContact", "Bill").row(row.get("contact_id"), row.get("bill_id"));
				}
			}
			case WORK_ORDERS -> {
				output("WorkOrder.csv", true, "id:ID(WorkOrder),createdAt:localdatetime,type,topic,channel")
					.row(row.get("order_id"), row.get("created_at"), row.get("type"), row.get("topic"), row.get("channel"));
				relationship("RAISED", "Customer", "WorkOrder").row(row.get("customer_id"), row.get("order_id"));
				relationship("VIA", "WorkOrder", "Channel").row(row.get("order_id"), row.get("channel"));
			}
			case CREDIT_OUTCOMES -> {
				String key = row.get("customer_id") + "|" + row.get("observed_on");
				output("CreditOutcome.csv", true, "key:ID(CreditOutcome),customerId,observedOn:date,defaulted:boolean")
					.row(key, row.get("customer_id"), row.get("observed_on"), row.get("defaulted"));
				relationship("HAS_OUTCOME", "Customer", "CreditOutcome").row(row.get("customer_id"), key);
			}
		}
	}

	private void customer(Map<String, Object> row) {
		output("Customer.csv", true, "id:ID(Customer),name,phone,usageCategory,industryCode,voltageKv:double,"
				+ "contractCapacityKva:double,importance,paymentMode,region,openedOn:date,socialCredit,assetLiabilityRatio:double,"
				+ "currentRatio:double,returnOnNetAssets:double,loanOnTimeRate:double,reactiveCompensation:boolean,"
				+ "calibrationOnSchedule:boolean,equipmentAccidents:long")
			.row(row.get("customer_id"), row.get("name"), row.get("phone"), row.get("usage_category"), row.get("industry_code"),
					row.get("voltage_kv"), row.get("contract_capacity_kva"), row.get("importance"), row.get("payment_mode"),
					row.get("region"), row.get("opened_on"), row.get("social_credit"), row.get("asset_liability_ratio"),
					row.get("current_ratio"), row.get("return_on_net_assets"), row.get("loan_on_time_rate"),
					row.get("reactive_compensation"), row.get("calibration_on_schedule"), row.get("equipment_accidents"));
		if (row.get("region") != null) {
			this.regions.add((String) row.get("region"));
			relationship("IN_REGION", "Customer", "Region").row(row.get("customer_id"), row.get("region"));
		}
		if (row.get("industry_code") != null) {
			this.industries.add((String) row.get("industry_code"));
			relationship("IN_INDUSTRY", "Customer", "Industry").row(row.get("customer_id"), row.get("industry_code"));
		}
	}

	private Output relationship(String type, String from, String to) {
		return output(type + "-" + from + "-" + to + ".csv", false, ":START_ID(" + from + "),:END_ID(" + to + ")");
	}

	/**
	 * Writes the shared nodes (regions and industries found, the reference channels) and closes every file.
	 * @return the importer's arguments naming the files ({@code --nodes=...}, {@code --relationships=...})
	 */
	List<String> finish(List<String> channels) {
		Output channel = output("Channel.csv", true, "code:ID(Channel)");
		channels.forEach(channel::row);
		if (!this.regions.isEmpty()) {
			Output region = output("Region.csv", true, "code:ID(Region)");
			this.regions.forEach(region::row);
		}
		if (!this.industries.isEmpty()) {
			Output industry = output("Industry.csv", true, "code:ID(Industry)");
			this.industries.forEach(industry::row);
		}
		close();
		List<String> arguments = new ArrayList<>();
		this.outputs.values()
			.forEach(o -> arguments.add((o.nodes ? "--nodes=" : "--relationships=") + o.name + "=" + o.path.toAbsolutePath()));
		return arguments;
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
