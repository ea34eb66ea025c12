package com.powerkg.strategy;

import java.util.List;

import com.powerkg.GraphTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflict resolution on a small catalogue of its own: two needs no customer can have (their work-order topic does
 * not exist) and strategies in one test topic, so the real catalogue cannot change the answers.
 */
@GraphTest
class StrategyResolutionTest {

	private static final String TOPIC = "TEST_RESOLUTION";

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	StrategyQueries strategies;

	@BeforeEach
	void testCatalogue() {
		removeTestCatalogue();
		this.neo4j.query("""
				UNWIND ['TEST_NEED_A', 'TEST_NEED_B'] AS code
				CREATE (:Need {code: code, nameZh: code, nameEn: code, topics: ['NO_SUCH_TOPIC'], channels: [], minOrders: 1, windowMonths: 12})
				""").run();
		this.neo4j.query("""
				UNWIND [
				  {code: 'TEST_A', topic: $topic, priority: 10, when: ['TEST_NEED_A']},
				  {code: 'TEST_A_AND_B', topic: $topic, priority: 50, when: ['TEST_NEED_A', 'TEST_NEED_B']},
				  {code: 'TEST_B', topic: $topic, priority: 5, when: ['TEST_NEED_B']},
				  {code: 'TEST_GENERAL', topic: $topic, priority: 1, when: []},
				  {code: 'TEST_A_OTHER_TOPIC', topic: $topic + '_OTHER', priority: 99, when: ['TEST_NEED_A']}
				] AS row
				CREATE (s:Strategy {code: row.code, aspect: 'EXCITEMENT_NEED', topic: row.topic, priority: row.priority,
				        textZh: row.code, textEn: row.code, source: 'test', enabled: true, conditions: size(row.when)})
				WITH s, row
				UNWIND row.when AS need
				MATCH (n:Need {code: need})
				CREATE (s)-[:WHEN]->(n)
				""").bind(TOPIC).to("topic").run();
	}

	@AfterEach
	void removeTestCatalogue() {
		this.neo4j.query("MATCH (n) WHERE (n:Strategy AND n.code STARTS WITH 'TEST_') OR (n:Need AND n.code STARTS WITH 'TEST_') "
				+ "OPTIONAL MATCH (n)-[:CHANGED]->(change) DETACH DELETE n, change").run();
	}

	@Test
	void theStrategyWithMoreConditionsBeatsAStrongerPriority() {
		StrategyMatch match = winner(List.of("TEST_NEED_A", "TEST_NEED_B"));

		assertThat(match.strategy().code()).isEqualTo("TEST_A_AND_B");
		assertThat(match.specificity()).isEqualTo(2);
		// equally specific alternatives by priority, the unconditioned one last
		assertThat(match.outranked()).extracting(Strategy::code).containsExactly("TEST_B", "TEST_A", "TEST_GENERAL");
		assertThat(match.because()).hasSize(2)
			.allSatisfy(line -> assertThat(line).endsWith("→ TEST_A_AND_B"))
			.anySatisfy(line -> assertThat(line).startsWith("NEEDS TEST_NEED_A"))
			.anySatisfy(line -> assertThat(line).startsWith("NEEDS TEST_NEED_B"));
	}

	@Test
	void aConditionedStrategyBeatsTheGeneralOneWhateverItsPriority() {
		assertThat(winner(List.of("TEST_NEED_A")).strategy().code()).isEqualTo("TEST_A");
		assertThat(winner(List.of("TEST_NEED_B")).strategy().code()).isEqualTo("TEST_B");
	}

	@Test
	void withoutFactsOnlyTheGeneralStrategyAppliesAndSaysSo() {
		StrategyMatch match = winner(List.of());

		assertThat(match.strategy().code()).isEqualTo("TEST_GENERAL");
		assertThat(match.outranked()).isEmpty();
		assertThat(match.because()).containsExactly("no condition: the standard service for every customer → TEST_GENERAL");
	}

	@Test
	void strategiesOfAnotherTopicApplySideBySide() {
		List<String> codes = ask(List.of("TEST_NEED_A"), Aspect.EXCITEMENT_NEED).stream()
			.map(m -> m.strategy().code())
			.filter(code -> code.startsWith("TEST_"))
			.toList();

		assertThat(codes).containsExactlyInAnyOrder("TEST_A", "TEST_A_OTHER_TOPIC");
	}

	@Test
	void theAspectFilterLeavesOtherAspectsOut() {
		assertThat(ask(List.of("TEST_NEED_A"), Aspect.COLLECTION)).isNotEmpty()
			.allSatisfy(m -> assertThat(m.strategy().aspect()).isEqualTo(Aspect.COLLECTION))
			.noneSatisfy(m -> assertThat(m.strategy().code()).startsWith("TEST_"));
	}

	@Test
	void aSwitchedOffStrategyNoLongerAppliesAndTheSwitchIsAudited() {
		Strategy off = this.strategies.setEnabled("TEST_A_AND_B", false, "campaign paused", "steward-test").orElseThrow();
		assertThat(off.enabled()).isFalse();

		assertThat(winner(List.of("TEST_NEED_A", "TEST_NEED_B")).strategy().code()).isEqualTo("TEST_B");
		assertThat(this.neo4j.query("MATCH (:Strategy {code: 'TEST_A_AND_B'})-[:CHANGED]->(c) RETURN c.by + '|' + c.reason + '|' + c.enabled")
			.fetchAs(String.class).one()).hasValue("steward-test|campaign paused|false");
		assertThat(this.strategies.setEnabled("NO_SUCH_STRATEGY", false, "x", "steward-test")).isEmpty();
	}

	private StrategyMatch winner(List<String> needs) {
		List<StrategyMatch> inTopic = ask(needs, Aspect.EXCITEMENT_NEED).stream()
			.filter(m -> m.strategy().topic().equals(TOPIC))
			.toList();
		assertThat(inTopic).as("one winner per aspect and topic").hasSize(1);
		return inTopic.get(0);
	}

	private List<StrategyMatch> ask(List<String> needs, Aspect aspect) {
		return this.strategies.forProfile(new StrategyProfile(List.of(), List.of(), null, needs, null), aspect);
	}

}
