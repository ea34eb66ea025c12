package com.powerkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.analytics.AnalyticsService;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curated queries in cypher/queries and in the guide Browser opens with are part of the product: each must run on
 * the current model, and each that reads a run's results must read the published run's.
 */
@GraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystQueriesTest {

	private static final Pattern RUN_RESULTS = Pattern.compile("\\b(HAS_TAG|IN_SEGMENT|RATED|USED_CHANNEL)\\b");

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	private static final Map<String, Object> PARAMETERS = Map.of("customerId", "B001", "asOf", LocalDate.of(2026, 11, 20), "tag",
			"REPEATED_ARREARS", "dimension", "REVENUE_CONTRIBUTION");

	@Autowired
	Driver driver;

	@Autowired
	CsvImporter importer;

	@Autowired
	AnalyticsService analytics;

	/**
	 * Once for the class (an instance per class): no test here changes the small fixture's rows, and each import of it
	 * into the shared database took about 0.12 s, 47 times with the parameterised tests.
	 */
	@BeforeAll
	void smallFixtureIsImported() {
		this.importer.importDirectory(Fixtures.directory("small"));
	}

	static Stream<Path> queries() throws IOException {
		return Files.list(Path.of("cypher/queries")).filter(p -> p.toString().endsWith(".cypher")).sorted();
	}

	@ParameterizedTest
	@MethodSource("queries")
	void queryRunsOnTheCurrentModel(Path query) throws IOException {
		// the driver rejects unknown labels, properties or syntax errors here (a notification is not enough)
		assertThat(run(query.getFileName().toString())).isNotNull();
	}

	/**
	 * Every run's tags, segment memberships, ratings and channel mixes are relationships of the same types, kept for
	 * earlier runs too: a query that reads them without starting from the publication counts each once per kept run.
	 */
	@ParameterizedTest
	@MethodSource("queries")
	void queryReadingARunsResultsStartsFromThePublication(Path query) throws IOException {
		assertStartsFromThePublicationIfItReadsRunResults(Files.readString(query));
	}

	/** The guide Browser opens with (browser-extras/guide.html): its queries, as a click runs them. */
	static Stream<String> guideQueries() throws IOException {
		String guide = Files.readString(Path.of("src/main/resources/browser-extras/guide.html"));
		Matcher pre = Pattern.compile("(?s)<pre class=\"[^\"]*\\brunnable\\b[^\"]*\">(.*?)</pre>").matcher(guide);
		List<String> queries = new java.util.ArrayList<>();
		while (pre.find()) {
			queries.add(HtmlUtils.htmlUnescape(pre.group(1)).strip());
		}
		assertThat(queries).as("runnable queries of the guide").hasSizeGreaterThanOrEqualTo(8);
		return queries.stream().filter(query -> !query.startsWith(":"));
	}

	@ParameterizedTest
	@MethodSource("guideQueries")
	void guideQueryRunsAndStartsFromThePublication(String query) {
		assertStartsFromThePublicationIfItReadsRunResults(query);
		assertThat(this.driver.executableQuery(query).withParameters(PARAMETERS).execute().records()).isNotNull();
	}

	private static void assertStartsFromThePublicationIfItReadsRunResults(String query) {
		String code = query.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
		if (RUN_RESULTS.matcher(code).find()) {
			assertThat(code).as("it reads a run's results (HAS_TAG, IN_SEGMENT, RATED, USED_CHANNEL), so it starts from the "
					+ "published run:\n" + query).contains("(:Publication {name: 'current'})-[:PUBLISHES]->(");
		}
	}

	@Test
	void withTheRunBeforeKeptTheQueriesCountThePublishedRunOnly() throws IOException {
		this.importer.importDirectory(Fixtures.directory("tags"));
		this.analytics.run(AS_OF);
		String published = this.analytics.run(AS_OF).runId();
		long publishedTags = count("MATCH ()-[h:HAS_TAG]->() WHERE h.run = $run RETURN count(h) AS n", published);
		assertThat(publishedTags).isPositive();
		assertThat(count("MATCH ()-[h:HAS_TAG]->() RETURN count(h) AS n", published)).as("the run before is kept beside it, "
				+ "so the obvious MATCH (c:Customer)-[:HAS_TAG]->(t:Tag) counts its tags too").isGreaterThan(publishedTags);

		assertThat(run("11-customers-per-tag.cypher").stream().mapToLong(r -> r.get("customers").asLong()).sum())
			.isEqualTo(publishedTags);
		Record first = this.driver.executableQuery("""
				MATCH (c:Customer)-[h:HAS_TAG]->() WHERE h.run = $run
				RETURN c.id AS customer, count(h) AS tags, COUNT { (c)-[x:HAS_TAG|IN_SEGMENT|USED_CHANNEL]->() WHERE x.run = $run } AS portrait
				ORDER BY customer LIMIT 1""").withParameters(Map.of("run", published)).execute().records().getFirst();
		assertThat(run("10-tags-per-customer.cypher").getFirst()).satisfies(row -> {
			assertThat(row.get("customer").asString()).isEqualTo(first.get("customer").asString());
			assertThat(row.get("tags").asList()).hasSize((int) first.get("tags").asLong());
		});
		assertThat(run("01-customer-neighbourhood.cypher", Map.of("customerId", first.get("customer").asString())).getFirst()
			.get("portrait").asList()).hasSize((int) first.get("portrait").asLong());

		String creditRun = this.driver.executableQuery("MATCH (r:AnalyticsRun {id: $run}) RETURN r.creditRun AS creditRun")
			.withParameters(Map.of("run", published)).execute().records().getFirst().get("creditRun").asString(null);
		assertThat(run("12-credit-grades.cypher").stream().mapToLong(r -> r.get("customers").asLong()).sum())
			.isEqualTo(count("MATCH ()-[r:RATED]->() WHERE r.run = $run RETURN count(r) AS n", creditRun));
		assertThat(run("13-channels-used.cypher").stream().mapToLong(r -> r.get("customers").asLong()).sum())
			.isEqualTo(count("MATCH ()-[u:USED_CHANNEL]->() WHERE u.run = $run RETURN count(u) AS n", published));
	}

	private long count(String cypher, String run) {
		return this.driver.executableQuery(cypher).withParameters(java.util.Collections.singletonMap("run", run)).execute()
			.records().getFirst().get("n").asLong();
	}

	@Test
	void repeatedLatePayersAreThoseWithThreeOverdueBillsInSixMonths() throws IOException {
		this.importer.importDirectory(Fixtures.directory("late-payer"));

		List<Record> rows = run("02-repeated-late-payers.cypher");

		// LP01: the May, July and August bills were settled after their due dates (August by a second, partial
		// payment on Oct 3); LP02: two late bills, and its October bill is unpaid but not yet due, so only 2
		assertThat(rows).extracting(r -> r.get("customer").asString() + "=" + r.get("overdueBills").asLong())
			.contains("LP01=3")
			.noneMatch(s -> s.startsWith("LP02"));
	}

	@Test
	void unpaidBillsAreGroupedByMonthsSinceIssue() throws IOException {
		this.importer.importDirectory(Fixtures.directory("late-payer"));

		// LP02's October bill, issued Nov 2, is the only open one of the fixture: 0 whole months old on Nov 20
		assertThat(run("06-unpaid-bills-by-age.cypher")).filteredOn(r -> r.get("monthsSinceIssue").asString().equals("0"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("openAmountYuan").asDouble()).isGreaterThanOrEqualTo(80.0));
	}

	@Test
	void dunningResponseQueryCountsAPaymentWithin48HoursOfAReachedCall() throws IOException {
		List<Record> rows = run("04-dunning-response-within-48h.cypher");

		// recomputed here from the raw contacts and payments, so the check holds whatever other tests imported
		Map<String, int[]> expected = new java.util.TreeMap<>();
		this.driver.executableQuery("""
				MATCH (c:Customer)-[:RECEIVED]->(d:DunningContact {reached: true})
				RETURN d.method AS method, d.round AS round, d.contactedAt AS at, COLLECT { MATCH (c)-[:PAID]->(p) RETURN p.paidAt } AS paid""")
			.execute().records().forEach(r -> {
				var at = r.get("at").asLocalDateTime();
				boolean answered = r.get("paid").asList(v -> v.asLocalDateTime()).stream()
					.anyMatch(t -> !t.isBefore(at) && !t.isAfter(at.plusHours(48)));
				int[] counts = expected.computeIfAbsent(r.get("method").asString() + "/" + r.get("round").asLong(), k -> new int[2]);
				counts[0]++;
				counts[1] += answered ? 1 : 0;
			});
		assertThat(expected).as("the small fixture has reached phone calls in round 2").containsKey("PHONE/2");
		assertThat(rows).hasSize(expected.size()).allSatisfy(r -> {
			int[] counts = expected.get(r.get("method").asString() + "/" + r.get("round").asLong());
			assertThat(r.get("contacts").asLong()).isEqualTo(counts[0]);
			assertThat(r.get("percentPaidWithin48h").asDouble()).isEqualTo(Math.round(1000.0 * counts[1] / counts[0]) / 10.0);
		});
	}

	@Test
	void neighbourhoodQueryShowsTheCustomersBillingPaths() throws IOException {
		Record row = run("01-customer-neighbourhood.cypher").getFirst();

		assertThat(row.get("c").asNode().get("id").asString()).isEqualTo("B001");
		assertThat(row.get("billing").asList()).hasSize(1);
		assertThat(row.get("dunning").asList()).hasSize(2);
	}

	private List<Record> run(String file) throws IOException {
		return run(file, Map.of());
	}

	private List<Record> run(String file, Map<String, Object> parameters) throws IOException {
		Map<String, Object> all = new java.util.HashMap<>(PARAMETERS);
		all.putAll(parameters);
		String cypher = Files.readString(Path.of("cypher/queries", file)).strip();
		if (cypher.endsWith(";")) {
			cypher = cypher.substring(0, cypher.length() - 1);
		}
		return this.driver.executableQuery(cypher).withParameters(all).execute().records();
	}

}
