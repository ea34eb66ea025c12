package com.powerkg.segmentation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.powerkg.graph.CypherResource;
import com.powerkg.tagging.CustomerHistory;
import com.powerkg.tagging.TaggingStage;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads {@link CustomerFacts} as of a date, for given customers or for every customer in id order (keyset batches,
 * so each batch costs the same). Shared by the value features and the credit indicators.
 */
public class CustomerFactsReader {

	private static final String IDS = CypherResource.load(TaggingStage.class, "customer-ids.cypher");

	private static final String FACTS = CypherResource.load(CustomerFactsReader.class, "customer-facts.cypher");

	private final Driver driver;

	public CustomerFactsReader(Driver driver) {
		this.driver = driver;
	}

	/** Facts of the given customers as of {@code asOf}; unknown ids are left out. */
	public List<CustomerFacts> read(List<String> ids, LocalDate asOf) {
		Map<String, Object> params = window(asOf);
		params.put("ids", ids);
		return this.driver.executableQuery(FACTS).withParameters(params).execute().records().stream()
			.map(CustomerFactsReader::facts).toList();
	}

	/** Every customer's facts as of {@code asOf}, {@code batchSize} customers per round-trip. */
	public void forEachBatch(LocalDate asOf, int batchSize, Consumer<List<CustomerFacts>> batch) {
		String after = null;
		while (true) {
			Map<String, Object> page = new HashMap<>();
			page.put("after", after);
			page.put("size", batchSize);
			List<String> ids = this.driver.executableQuery(IDS).withParameters(page).execute().records().stream()
				.map(r -> r.get("id").asString()).toList();
			if (ids.isEmpty()) {
				return;
			}
			batch.accept(read(ids, asOf));
			after = ids.getLast();
		}
	}

	private static Map<String, Object> window(LocalDate asOf) {
		YearMonth last = ValueFeatures.lastMonth(asOf);
		Map<String, Object> window = new HashMap<>();
		window.put("asOf", asOf);
		window.put("firstPeriod", last.minusMonths(11).toString());
		window.put("lastPeriod", last.toString());
		window.put("firstUsageMonth", last.minusMonths(35).toString());
		// "the last 12 months": after D minus 12 months, up to the end of D (as ValueFeatures counts contacts)
		window.put("fromTime", asOf.minusMonths(12).plusDays(1).atStartOfDay());
		window.put("until", asOf.plusDays(1).atStartOfDay());
		return window;
	}

	static CustomerFacts facts(Record record) {
		CustomerHistory history = TaggingStage.history(record);
		List<CustomerFacts.MonthlyUsage> usage = record.get("usage").asList(v -> new CustomerFacts.MonthlyUsage(
				YearMonth.parse(v.get("month").asString()), v.get("kwh").asDouble(), nullableDouble(v.get("peakKwh"))));
		Value e = record.get("enterprise");
		var enterprise = new CustomerFacts.Enterprise(nullableDouble(e.get("assetLiabilityRatio")), nullableDouble(e.get("currentRatio")),
				nullableDouble(e.get("returnOnNetAssets")), nullableDouble(e.get("loanOnTimeRate")),
				e.get("reactiveCompensation").isNull() ? null : e.get("reactiveCompensation").asBoolean(),
				e.get("calibrationOnSchedule").isNull() ? null : e.get("calibrationOnSchedule").asBoolean(),
				e.get("equipmentAccidents").isNull() ? null : e.get("equipmentAccidents").asLong(), e.get("socialCredit").asString(null));
		return new CustomerFacts(record.get("id").asString(), record.get("usageCategory").asString(null),
				record.get("importance").asString(null), nullableDouble(record.get("voltageKv")),
				nullableDouble(record.get("contractCapacityKva")), record.get("industryCode").asString(null),
				record.get("region").asString(null), history, usage, record.get("workOrders").asInt(),
				record.get("qualityComplaints").asInt(), enterprise);
	}

	private static Double nullableDouble(Value v) {
		return v.isNull() ? null : v.asDouble();
	}

}
