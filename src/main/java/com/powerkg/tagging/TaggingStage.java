package com.powerkg.tagging;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.history.CustomerHistory;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The tag stage of an analytics run: the {@link TagRules} with the parameters the stewards keep in the graph, evaluated
 * on each customer's history as the run reads it, and the {@code HAS_TAG} relationships written under the run's id.
 */
@Service
public class TaggingStage {

	private static final Logger log = LoggerFactory.getLogger(TaggingStage.class);

	private static final String WRITE = CypherResource.load(TaggingStage.class, "write-tags.cypher");

	private static final String PARAMETERS = CypherResource.load(TaggingStage.class, "tag-parameters.cypher");

	private static final String CODES = CypherResource.load(TaggingStage.class, "taxonomy-codes.cypher");

	private final Driver driver;

	private final GraphReads reads;

	@Autowired
	public TaggingStage(Driver driver, GraphReads reads) {
		this.driver = driver;
		this.reads = reads;
	}

	/** On the given database (tests outside the application context). */
	public TaggingStage(Driver driver) {
		this(driver, new GraphReads(driver));
	}

	/** The rules with the parameters of the graph, ready for one run; checks first that the taxonomy has every tag. */
	public record Tagger(TagRules rules, TagParameters parameters) {

		public List<TagAssignment> evaluate(CustomerHistory history, LocalDate asOf) {
			return this.rules.evaluate(history, asOf);
		}

	}

	public Tagger prepare() {
		checkTaxonomy();
		TagParameters parameters = loadParameters();
		return new Tagger(new TagRules(parameters), parameters);
	}

	public TagParameters loadParameters() {
		Map<String, Object> values = new LinkedHashMap<>();
		this.reads.records(PARAMETERS, Map.of()).forEach(r -> values.put(r.get("tag").asString() + "." + r.get("name").asString(), r.get("value").asObject()));
		return new TagParameters(values);
	}

	/**
	 * Writes the tags of a batch under the run's id; readers only see them once the run is published.
	 * @param rows {@code customerId}, {@code code}, {@code evidence}, {@code explanation}
	 */
	public void write(String runId, LocalDate asOf, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			this.driver.executableQuery(WRITE).withParameters(Map.of("rows", rows, "run", runId, "asOf", asOf)).execute();
		}
	}

	/** One written tag row. */
	public static Map<String, Object> row(String customerId, TagAssignment tag) {
		return Map.of("customerId", customerId, "code", tag.code().name(), "evidence", tag.evidence(), "explanation",
				tag.explanation());
	}

	private void checkTaxonomy() {
		Set<String> inGraph = this.reads.list(CODES, Map.of(), r -> r.get("code").asString()).stream()
			.collect(Collectors.toCollection(TreeSet::new));
		for (String code : inGraph) {
			if (Arrays.stream(TagCode.values()).noneMatch(c -> c.name().equals(code))) {
				log.warn("Tag {} is in the taxonomy but has no rule in this version: it is not computed", code);
			}
		}
		List<String> missing = Arrays.stream(TagCode.values()).map(Enum::name).filter(c -> !inGraph.contains(c)).toList();
		if (!missing.isEmpty()) {
			// writing would silently drop these tags (write-tags.cypher matches the Tag node)
			throw new IllegalStateException("Tag(s) " + String.join(", ", missing) + " missing from the taxonomy in the graph; "
					+ "restore them with a Cypher script (see V0005__Tag_taxonomy.cypher) before analysing");
		}
	}

}
