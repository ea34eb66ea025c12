package com.powerkg.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ac.simons.neo4j.migrations.core.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsPropertiesTest {

	@Test
	void aScriptFolderWhosePathHasASpaceIsALocationBothNeo4jMigrationsAndTheFingerprintRead(@TempDir Path tmp) throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("power kg").resolve("cypher migrations"));
		Files.writeString(folder.resolve("V0001__First.cypher"), "CREATE (:Thing);");

		String location = MigrationsProperties.fileLocation(folder);

		assertThat(location).startsWith("file:/").doesNotContain(" ").doesNotEndWith("/");
		assertThat(Location.of(location).getType()).isEqualTo(Location.LocationType.FILESYSTEM);
		assertThat(Path.of(Location.of(location).getName())).isEqualTo(folder.toAbsolutePath().normalize());
		assertThat(GraphMigrations.ScriptSet.of(List.of(location))).hasValueSatisfying(s -> assertThat(s.count()).isEqualTo(1));
	}


	@Test
	void withoutConfiguredLocationsTheServiceRunningFromTheRepositoryReadsTheFolderOnDiskAsSuch() {
		assertThat(new MigrationsProperties(true, List.of()).resolvedLocations())
			.containsExactly(MigrationsProperties.fileLocation(Path.of("cypher", "migrations")));
	}

}
