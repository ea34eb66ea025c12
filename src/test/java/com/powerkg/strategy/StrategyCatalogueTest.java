package com.powerkg.strategy;

import java.util.List;
import java.util.Map;

import com.powerkg.GraphTest;
import com.powerkg.segmentation.Dimension;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue the migrations load (V0010-V0012), and asking it through GraphQL without a customer. */
@GraphTest
class StrategyCatalogueTest {

	static final List<Aspect> TABLE_ASPECTS = List.of(Aspect.USAGE_BEHAVIOUR, Aspect.INTERACTION_BEHAVIOUR, Aspect.BASIC_NEED,
			Aspect.EXPECTED_NEED, Aspect.EXCITEMENT_NEED);

	@Autowired
	StrategyQueries strategies;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	GraphQlTester graphQl;

	@Test
	void everyCellOfSeed002Tables5To7HasItsStrategyInChineseAndEnglish() {
		List<Strategy> catalogue = this.strategies.catalogue(null);
		for (Dimension dimension : List.of(Dimension.REVENUE_CONTRIBUTION, Dimension.SOCIAL_INFLUENCE, Dimension.GROWTH_POTENTIAL)) {
			for (String level : dimension.levels()) {
				for (Aspect aspect : TABLE_ASPECTS) {
					String segment = dimension.name() + "=" + level;
					assertThat(catalogue).as("%s × %s", segment, aspect)
						.anySatisfy(s -> {
							assertThat(s.aspect()).isEqualTo(aspect);
							assertThat(s.source()).startsWith("seed 002 table");
							assertThat(s.conditions()).extracting(Strategy.Condition::code).containsExactly(segment);
						});
				}
			}
		}
		assertThat(catalogue).allSatisfy(s -> {
			assertThat(s.textZh()).as(s.code()).isNotBlank();
			assertThat(s.textEn()).as(s.code()).isNotBlank();
			assertThat(s.source()).as(s.code()).isNotBlank();
		});
	}

	@Test
	void arrearsRiskCreditGradesCollectionTagsChannelsAndNeedsAllHaveStrategies() {
		List<Strategy> catalogue = this.strategies.catalogue(null);
		for (String level : Dimension.ARREARS_RISK.levels()) {
			assertThat(catalogue).as("ARREARS_RISK=" + level)
				.anySatisfy(s -> assertThat(s.conditions()).extracting(Strategy.Condition::code).contains("ARREARS_RISK=" + level));
		}
		for (String code : List.of("AAA", "AA", "A", "B", "C", "DUNNING_AVERSE", "PHONE_DUNNING_AVERSE", "NO_DUNNING_THIS_MONTH",
				"CONTACT_UPDATED", "SMALL_FREQUENT_TOPUP", "NO_FIXED_CHANNEL", "REPEATED_ARREARS", "PRICE_SENSITIVE",
				"POWER_QUALITY_SENSITIVE", "BILLING_SENSITIVE", "OUTAGE_SENSITIVE", "ESCALATES_COMPLAINTS", "ACCOUNT_MANAGER",
				"COUNTER", "WECHAT", "ONLINE_APP", "HOTLINE_95598", "GOV_HOTLINE_12345")) {
			assertThat(catalogue).as(code)
				.anySatisfy(s -> assertThat(s.conditions()).extracting(Strategy.Condition::code).contains(code));
		}
	}

	@Test
	void everyAspectHasAStandardStrategyForEveryCustomer() {
		for (Aspect aspect : Aspect.values()) {
			assertThat(this.strategies.catalogue(aspect)).as(aspect.name())
				.anySatisfy(s -> assertThat(s.conditions()).isEmpty())
				.allSatisfy(s -> assertThat(s.aspect()).isEqualTo(aspect));
		}
	}

	@Test
	void everyWrittenConditionIsARelationshipInTheGraph() {
		List<Map<String, Object>> broken = List.copyOf(this.neo4j.query("""
				MATCH (s:Strategy) WHERE COUNT { (s)-[:WHEN]->() } <> s.conditions
				RETURN s.code AS code""").fetch().all());
		assertThat(broken).isEmpty();
		assertThat(this.neo4j.query("MATCH (s:Strategy) WHERE NOT s.aspect IN $aspects RETURN count(s)")
			.bind(java.util.Arrays.stream(Aspect.values()).map(Enum::name).toList()).to("aspects")
			.fetchAs(Long.class).one()).hasValue(0L);
	}

	@Test
	void forAProfileTheHighValueTreatmentWinsItsTopicAndTheOthersAreNamedAsOutranked() {
		this.graphQl.document("""
				{ strategiesFor(profile: {segments: [{dimension: REVENUE_CONTRIBUTION, level: "HIGH"},
				                                     {dimension: SOCIAL_INFLUENCE, level: "LOW"}]},
				                aspect: INTERACTION_BEHAVIOUR) {
				    strategy { code aspect topic deliveredVia conditions { kind code } } because specificity outranked { code } } }""")
			.execute()
			.path("strategiesFor[*].strategy.aspect").entityList(String.class).satisfies(aspects -> assertThat(aspects)
				.isNotEmpty().containsOnly("INTERACTION_BEHAVIOUR"))
			.path("strategiesFor[?(@.strategy.topic == 'SERVICE_MODE')].strategy.code").entityList(String.class)
			.containsExactly("RC_HIGH_INTERACTION_DEDICATED_FOLLOW_UP")
			.path("strategiesFor[?(@.strategy.topic == 'SERVICE_MODE')].outranked[*].code").entityList(String.class)
			.contains("SI_LOW_INTERACTION_REMOTE_CHANNELS", "DF_INTERACTION_BEHAVIOUR")
			.path("strategiesFor[?(@.strategy.topic == 'SERVICE_MODE')].because[0]").entityList(String.class)
			.containsExactly("IN_SEGMENT REVENUE_CONTRIBUTION = HIGH (收入贡献度高, as asked) → RC_HIGH_INTERACTION_DEDICATED_FOLLOW_UP");
	}

	@Test
	void aMoreSpecificStrategyBeatsTheGeneralOneOfItsSegment() {
		this.graphQl.document("""
				{ strategiesFor(profile: {segments: [{dimension: REVENUE_CONTRIBUTION, level: "HIGH"}], needs: [OUTAGE_SENSITIVE]},
				                aspect: BASIC_NEED) { strategy { code topic } specificity outranked { code } } }""")
			.execute()
			.path("strategiesFor[?(@.strategy.topic == 'SUPPLY_NOTICE')].specificity").entityList(Integer.class).containsExactly(2)
			.path("strategiesFor[?(@.strategy.topic == 'SUPPLY_NOTICE')].outranked[*].code").entityList(String.class)
			.contains("RC_HIGH_BASIC_OUTAGE_CALL");
	}

	@Test
	void anUnknownLevelInAProfileIsRefusedNamingTheRightOnes() {
		this.graphQl.document("""
				{ strategiesFor(profile: {segments: [{dimension: GROWTH_POTENTIAL, level: "HIGH"}]}) { because } }""")
			.execute()
			.errors().expect(e -> e.getMessage().contains("'HIGH' is not a level of GROWTH_POTENTIAL")
					&& e.getMessage().contains("FAST_GROWTH"))
			.verify();
	}

}
