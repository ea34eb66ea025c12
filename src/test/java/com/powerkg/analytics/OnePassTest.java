package com.powerkg.analytics;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.powerkg.Fixtures;
import com.powerkg.PrivateGraph;
import com.powerkg.analytics.AnalyticsProperties;
import com.powerkg.collection.StoredPlans;
import com.powerkg.credit.CreditIndicators;
import com.powerkg.credit.CreditProperties;
import com.powerkg.credit.CreditStage;
import com.powerkg.generate.DataGenerator;
import com.powerkg.generate.GeneratorConfig;
import com.powerkg.graph.GraphReads;
import com.powerkg.history.CustomerHistory;
import com.powerkg.history.HistoryReader;
import com.powerkg.ingest.CsvImporter;
import com.powerkg.ingest.ImportProperties;
import com.powerkg.portrait.ChannelMix;
import com.powerkg.portrait.ChannelMixes;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.segmentation.SegmentationProperties;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TaggingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run reads every customer's history once and hands that same history to every stage: what the run wrote (tags,
 * credit indicators, channel mixes) is exactly what the pure rules compute from the histories it read.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class OnePassTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	/** Hands out the histories as the product's reader does, and keeps every one it handed out. */
	static final class RecordingReader extends HistoryReader {

		final List<CustomerHistory> handedOut = Collections.synchronizedList(new ArrayList<>());

		RecordingReader(GraphReads reads) {
			super(reads);
		}

		@Override
		public <R> List<R> read(LocalDate asOf, int batchSize, int threads, Function<List<CustomerHistory>, R> handler) {
			return super.read(asOf, batchSize, threads, batch -> {
				this.handedOut.addAll(batch);
				return handler.apply(batch);
			});
		}

	}

	@Test
	void eachCustomerIsReadOnceAndEveryStageWorksFromThatHistory(@TempDir Path generated) throws Exception {
		try (var graph = PrivateGraph.reused()) {
			var importer = new CsvImporter(graph.driver(), new ImportProperties(5000, generated.resolve("reports"), 100_000, 2));
			importer.importDirectory(Fixtures.directory("tags"));
			// enough customers with credit outcomes for a model to be trained, so the ratings' indicators are checked too
			new DataGenerator(done -> { }).generate(new GeneratorConfig(300, 14, 5, YearMonth.of(2026, 10)), generated.resolve("data"));
			importer.importDirectory(generated.resolve("data"));
			var reads = new GraphReads(graph.driver());
			var reader = new RecordingReader(reads);
			var tagging = new TaggingStage(graph.driver(), reads);
			// small batches on two threads, so several batches run at once
			var properties = new AnalyticsProperties(1, "", 1, java.time.Duration.ofMinutes(10), "", 2, 7);
			var service = new AnalyticsService(new AnalyticsRuns(graph.driver(), properties.runs()),
					new AnalyticsService.Stages(reader, tagging, new SegmentationStage(graph.driver(), SegmentationProperties.DEFAULTS),
							new CreditStage(graph.driver(), CreditProperties.DEFAULTS), new ChannelMixes(graph.driver()),
							new StoredPlans(graph.driver(), reads)), properties);

			String run = service.run(AS_OF).runId();

			long customers = reads.single("MATCH (c:Customer) RETURN count(c) AS n", Map.of()).get("n").asLong();
			assertThat(reader.handedOut).hasSize((int) customers);
			assertThat(reader.handedOut).extracting(CustomerHistory::customerId).doesNotHaveDuplicates();

			var rules = tagging.prepare();
			Map<String, Value> indicators = new HashMap<>();
			reads.records("MATCH (c:Customer)-[r:RATED]->() WHERE r.run = $run RETURN c.id AS id, r.indicators AS indicators",
					Map.of("run", run)).forEach(r -> indicators.put(r.get("id").asString(), r.get("indicators")));
			assertThat(indicators).as("a model was trained and every customer rated").hasSize((int) customers);
			for (CustomerHistory history : reader.handedOut) {
				String id = history.customerId();
				List<String> expectedTags = rules.evaluate(history, AS_OF).stream().map(t -> t.code().name()).sorted().toList();
				assertThat(reads.list("MATCH (:Customer {id: $id})-[h:HAS_TAG]->(t:Tag) WHERE h.run = $run RETURN t.code AS code ORDER BY code",
						Map.of("id", id, "run", run), r -> r.get("code").asString())).as("tags of " + id).isEqualTo(expectedTags);

				double[] expected = CreditIndicators.compute(history, AS_OF);
				List<Double> stored = indicators.get(id).asList(Value::asDouble);
				for (int j = 0; j < expected.length; j++) {
					assertThat(stored.get(j)).as("indicator " + j + " of " + id).isEqualTo(Double.valueOf(expected[j]));
				}

				List<String> expectedChannels = ChannelMix.of(history).channels().stream()
					.map(u -> u.channel() + "=" + u.payments()).toList();
				assertThat(reads.list("""
						MATCH (:Customer {id: $id})-[u:USED_CHANNEL]->(ch:Channel) WHERE u.run = $run
						RETURN ch.code + '=' + u.payments AS usage ORDER BY u.payments DESC, ch.code""", Map.of("id", id, "run", run),
						r -> r.get("usage").asString())).as("channels of " + id).isEqualTo(expectedChannels);
			}
			assertThat(reader.handedOut).as("histories with consumption and outcomes were read")
				.anySatisfy(h -> assertThat(h.consumption()).isNotEmpty())
				.anySatisfy(h -> assertThat(h.outcomes()).isNotEmpty());
		}
	}

	@Test
	void aHistoryHoldsWhatHappenedUpToItsDateOnly(@TempDir Path tmp) {
		try (var graph = PrivateGraph.reused()) {
			new CsvImporter(graph.driver(), new ImportProperties(5000, tmp, 100_000, 2)).importDirectory(Fixtures.directory("tags"));
			var reads = new GraphReads(graph.driver());
			var reader = new HistoryReader(reads);
			List<String> ids = reads.list("MATCH (c:Customer)-[:PAID]->() RETURN DISTINCT c.id AS id", Map.of(), r -> r.get("id").asString());
			LocalDate early = LocalDate.of(2026, 9, 1);

			List<CustomerHistory> before = reader.histories(ids, early);
			List<CustomerHistory> now = reader.histories(ids, AS_OF);

			assertThat(before).allSatisfy(h -> {
				assertThat(h.payments()).allSatisfy(p -> assertThat(p.paidAt()).isBefore(early.plusDays(1).atStartOfDay()));
				assertThat(h.bills()).allSatisfy(b -> assertThat(b.issuedOn()).isBeforeOrEqualTo(early));
			});
			assertThat(now.stream().mapToInt(h -> h.payments().size()).sum())
				.isGreaterThan(before.stream().mapToInt(h -> h.payments().size()).sum());
		}
	}

}
