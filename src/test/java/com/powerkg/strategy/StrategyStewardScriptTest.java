package com.powerkg.strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.powerkg.PrivateGraph;
import com.powerkg.TestNeo4j;
import com.powerkg.graph.GraphMigrations;
import com.powerkg.graph.GraphReads;
import com.powerkg.graph.MigrationFailedException;
import com.powerkg.graph.MigrationsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A steward adds a strategy with a script (cypher/examples/V0101) and a misspelt condition changes nothing. */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class StrategyStewardScriptTest {

	/** The next free version after the product's scripts, as the steward would pick it (README). */
	static final String NEXT = com.powerkg.PrivateGraph.nextMigrationVersion();

	static final String PRODUCT = "classpath:cypher/migrations";

	static final Path EXAMPLE = Path.of("cypher/examples/V0101__WeChat_outage_notices_for_high_influence.cypher");

	/** The product's migrations plus one steward script, in a folder of its own. */
	private static GraphMigrations migrations(Driver driver, Path tmp, String script, String cypher) throws IOException {
		// a plain folder name: neo4j-migrations does not pick up scripts below a folder named like a script
		Path folder = Files.createDirectories(tmp.resolve("steward-" + Integer.toHexString(script.hashCode())));
		Files.writeString(folder.resolve(script), cypher);
		return new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT, "file:" + folder)));
	}

	@Test
	void aStrategyAddedByAStewardWinsForItsCustomersAndAMisspeltConditionFailsTheScript(@TempDir Path tmp) throws IOException {
		try (var graph = PrivateGraph.asBuilt(TestNeo4j.migratedStore())) {
			Driver driver = graph.driver();
			new GraphMigrations(driver, new MigrationsProperties(true, List.of(PRODUCT))).apply();
			var strategies = new StrategyQueries(new GraphReads(driver), driver);
			int before = strategies.catalogue(null).size();

			for (var typo : java.util.Map.of(NEXT + "__Misspelt_need.cypher", List.of("NEED:OUTAGE_SENSITIVE", "NEED:OUTAGE_SENSITIV"),
					NEXT + "__Misspelt_channel.cypher", List.of("via: 'WECHAT'", "via: 'WECHATT'")).entrySet()) {
				var withTypo = migrations(driver, tmp, typo.getKey(),
						Files.readString(EXAMPLE).replace(typo.getValue().get(0), typo.getValue().get(1)));
				assertThatThrownBy(withTypo::apply).as(typo.getKey()).isInstanceOf(MigrationFailedException.class).hasMessageContaining(typo.getKey());
				assertThat(strategies.catalogue(null)).as("nothing of the broken script stays").hasSize(before);
			}

			migrations(driver, tmp, NEXT + "__WeChat_outage_notices_for_high_influence.cypher", Files.readString(EXAMPLE)).apply();

			var profile = new StrategyProfile(List.of(new StrategyProfile.Segment("SOCIAL_INFLUENCE", "HIGH")), List.of(), null,
					List.of("OUTAGE_SENSITIVE"), "WECHAT");
			StrategyMatch notice = strategies.forProfile(profile, Aspect.BASIC_NEED).stream()
				.filter(m -> m.strategy().topic().equals("SUPPLY_NOTICE"))
				.findFirst().orElseThrow();
			assertThat(notice.strategy().code()).isEqualTo("SI_HIGH_WECHAT_OUTAGE_NOTICE");
			assertThat(notice.strategy().deliveredVia()).isEqualTo("WECHAT");
			assertThat(notice.because()).hasSize(3);
			assertThat(notice.outranked()).extracting(Strategy::code).contains("SI_HIGH_BASIC_OUTAGE_IN_PERSON");
		}
	}

}
