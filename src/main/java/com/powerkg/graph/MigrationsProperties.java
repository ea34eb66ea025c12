package com.powerkg.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the versioned Cypher scripts come from and who applies them. The product's scripts live in the top-level
 * {@code cypher/migrations} folder and are packaged into the jar under {@code cypher/migrations}.
 *
 * @param enabled     false: neither apply nor check (for tests of the migrations themselves)
 * @param mode        {@code auto}: the service, and a command-line job on the embedded database, apply pending scripts;
 *                    a command-line job against an external database (a running service's) only checks them, without
 *                    taking the migration lock. {@code apply} or {@code check} force one way.
 * @param locations   neo4j-migrations locations ({@code classpath:...} or {@code file:/...}); empty = the folder
 *                    {@code cypher/migrations} on disk when there is one (running from the repository: a steward's new
 *                    script needs no rebuild), else the scripts packaged in the jar
 * @param lockTimeout on an external database, a migration lock held unchanged for longer than this belongs to a process
 *                    that died and is cleared (on the embedded database any lock found at start-up is)
 */
@ConfigurationProperties("powerkg.migrations")
public record MigrationsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("auto") String mode,
		List<String> locations, @DefaultValue("2m") Duration lockTimeout) {

	static final String PACKAGED = "classpath:cypher/migrations";

	static final Path ON_DISK = Path.of("cypher", "migrations");

	@ConstructorBinding
	public MigrationsProperties {
		mode = (mode == null || mode.isBlank()) ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
		if (!List.of("auto", "apply", "check").contains(mode)) {
			throw new IllegalArgumentException("powerkg.migrations.mode must be auto, apply or check, was '" + mode + "'");
		}
		locations = (locations == null) ? List.of() : locations.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
		lockTimeout = (lockTimeout == null) ? Duration.ofMinutes(2) : lockTimeout;
	}

	public MigrationsProperties(boolean enabled, List<String> locations) {
		this(enabled, "auto", locations, Duration.ofMinutes(2));
	}

	/** The locations to scan: as configured, or the folder on disk, or the packaged scripts. */
	List<String> resolvedLocations() {
		if (!this.locations.isEmpty()) {
			return this.locations;
		}
		return hasScripts(ON_DISK) ? List.of(fileLocation(ON_DISK)) : List.of(PACKAGED);
	}

	/**
	 * A folder as a neo4j-migrations location: a URI, so a space or another character a URI may not hold is
	 * percent-encoded (a project folder such as {@code /home/ops/power kg} made every start fail with "Illegal character
	 * in path").
	 */
	static String fileLocation(Path folder) {
		String path = folder.toAbsolutePath().normalize().toUri().getRawPath();
		return "file:" + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
	}

	private static boolean hasScripts(Path folder) {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch(f -> f.getFileName().toString().endsWith(".cypher"));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
