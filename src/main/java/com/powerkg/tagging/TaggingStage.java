package com.powerkg.tagging;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The tag stage of an analytics run: streams customers in batches, evaluates {@link TagRules} with the
 * parameters currently in the graph and writes {@code HAS_TAG} relationships under the run's id.
 */
@Service
public class TaggingStage {

	private static final Logger log = LoggerFactory.getLogger(TaggingStage.class);

	private static final int BATCH = 2000;

	private static final String IDS = CypherResource.load(TaggingStage.class, "customer-ids.cypher");

	private static final String HISTORIES = CypherResource.load(TaggingStage.class, "customer-histories.cypher");

	private static final String WRITE = CypherResource.load(TaggingStage.class, "write-tags.cypher");

	private static final String PARAMETERS = CypherResource.load(TaggingStage.class, "tag-parameters.cypher");

	private static final String CODES = CypherResource.load(TaggingStage.class, "taxonomy-codes.cypher");

	private final Driver driver;

	public TaggingStage(Driver driver) {
		this.driver = driver;
	}

	/**
	 * @param customersAnalysed customers whose history was evaluated
	 * @param customersPerTag   customers carrying each tag (every code present, 0 when none)
	 * @param parameters        the parameters used, {@code TAG.name -> value}
	 */
	public record Result(long customersAnalysed, Map<TagCode, Long> customersPerTag, Map<String, Object> parameters,
			Duration duration) {

		public double customersPerSecond() {
			double seconds = this.duration.toNanos() / 1e9;
			return seconds > 0 ? this.customersAnalysed / seconds : 0;
		}

	}

	public TagParameters loadParameters() {
		Map<String, Object> values = new LinkedHashMap<>();
		this.driver.executableQuery(PARAMETERS).execute().records().forEach(r -> values.put(r.get("key").asString(), r.get("value").asObject()));
		return new TagParameters(values);
	}

	public Result run(String runId, LocalDate asOf) {
		long started = System.nanoTime();
		checkTaxonomy();
		TagParameters parameters = loadParameters();
		var rules = new TagRules(parameters);
		int monthsBack = parameters.values()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith(".lookbackMonths") || e.getKey().endsWith(".cycles"))
			.mapToInt(e -> ((Number) e.getValue()).intValue())
			.max()
			.orElse(6);
		// a few months of slack so "the last N cycles" still finds N periods for customers with gaps
		LocalDate from = asOf.minusMonths(monthsBack + 3);
		Map<String, Object> window = Map.of("asOf", asOf, "from", from, "fromTime", from.atStartOfDay(), "until",
				asOf.plusDays(1).atStartOfDay());
		Map<TagCode, Long> counts = new EnumMap<>(TagCode.class);
		for (TagCode code : TagCode.values()) {
			counts.put(code, 0L);
		}
		long analysed = 0;
		long lastLog = System.nanoTime();
		String after = null;
		while (true) {
			Map<String, Object> page = new HashMap<>();
			page.put("after", after);
			page.put("size", BATCH);
			List<String> ids = this.driver.executableQuery(IDS).withParameters(page).execute().records()
				.stream().map(r -> r.get("id").asString()).toList();
			if (ids.isEmpty()) {
				break;
			}
			Map<String, Object> params = new HashMap<>(window);
			params.put("ids", ids);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Record record : this.driver.executableQuery(HISTORIES).withParameters(params).execute().records()) {
				for (TagAssignment tag : rules.evaluate(history(record), asOf)) {
					rows.add(Map.of("customerId", record.get("id").asString(), "code", tag.code().name(), "evidence",
							tag.evidence(), "explanation", tag.explanation()));
					counts.merge(tag.code(), 1L, Long::sum);
				}
			}
			if (!rows.isEmpty()) {
				this.driver.executableQuery(WRITE).withParameters(Map.of("rows", rows, "run", runId, "asOf", asOf)).execute();
			}
			analysed += ids.size();
			after = ids.getLast();
			if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
				log.info("tags: {} customers so far ({} customers/s)", analysed,
						Math.round(analysed / ((System.nanoTime() - started) / 1e9)));
				lastLog = System.nanoTime();
			}
		}
		var result = new Result(analysed, counts, parameters.values(), Duration.ofNanos(System.nanoTime() - started));
		log.info("tags: {} customers analysed in {} ms ({} customers/s)", analysed, result.duration().toMillis(),
				Math.round(result.customersPerSecond()));
		return result;
	}

	private void checkTaxonomy() {
		Set<String> inGraph = this.driver.executableQuery(CODES).execute().records().stream()
			.map(r -> r.get("code").asString()).collect(Collectors.toCollection(TreeSet::new));
		for (String code : inGraph) {
			if (java.util.Arrays.stream(TagCode.values()).noneMatch(c -> c.name().equals(code))) {
				log.warn("Tag {} is in the taxonomy but has no rule in this version: it is not computed", code);
			}
		}
		List<String> missing = java.util.Arrays.stream(TagCode.values()).map(Enum::name).filter(c -> !inGraph.contains(c)).toList();
		if (!missing.isEmpty()) {
			// writing would silently drop these tags (write-tags.cypher matches the Tag node)
			throw new IllegalStateException("Tag(s) " + String.join(", ", missing) + " missing from the taxonomy in the graph; "
					+ "restore them with a Cypher script (see V0005__Tag_taxonomy.cypher) before analysing");
		}
	}

	public static CustomerHistory history(Record record) {
		List<CustomerHistory.Bill> bills = record.get("bills").asList(v -> new CustomerHistory.Bill(v.get("id").asString(),
				YearMonth.parse(v.get("period").asString()), v.get("issuedOn").asLocalDate(), v.get("dueOn").asLocalDate(),
				v.get("amount").asDouble(), v.get("anomaly").asString("NONE"), v.get("payments").asList(TaggingStage::payment)));
		return new CustomerHistory(record.get("id").asString(), record.get("prepaid").asBoolean(false), bills,
				record.get("payments").asList(TaggingStage::payment),
				record.get("contacts").asList(v -> new CustomerHistory.Contact(v.get("id").asString(),
						v.get("contactedAt").asLocalDateTime(), v.get("round").asInt(), v.get("method").asString(),
						v.get("reached").asBoolean(), v.get("response").asString("NONE"))));
	}

	private static CustomerHistory.Payment payment(Value v) {
		LocalDateTime paidAt = v.get("paidAt").asLocalDateTime();
		return new CustomerHistory.Payment(v.get("id").asString(), paidAt, v.get("amount").asDouble(), v.get("channel").asString(),
				v.get("kind").asString());
	}

}
