package com.powerkg.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationState;
import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import ac.simons.neo4j.migrations.core.ValidationResult;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the versioned, checksummed Cypher scripts before anything else touches the graph. Each script runs in its
 * own transaction, so a script that fails part-way leaves the database as it was before that script.
 * <p>
 * neo4j-migrations guards a run with a lock node ({@code __Neo4jMigrationsLock}); a process killed while it holds it
 * leaves it behind, and every later start would fail. So before applying, a lock found on the embedded database (which
 * only this process can have open) is cleared at once, and one on an external database is cleared once it has been held,
 * unchanged, for longer than {@code powerkg.migrations.lock-timeout}; either is logged. A command-line job against an
 * external database (a running service's) only checks the migrations, without the lock: the service owns them.
 */
public final class GraphMigrations {

	private static final Logger log = LoggerFactory.getLogger(GraphMigrations.class);

	/** The scripts applied, shown in the terminal of a command-line job too (logback-command.xml). */
	private static final Logger progress = LoggerFactory.getLogger("powerkg.progress.migrations");

	/** "Could not apply migration: 9001 ("Steward typo")", "Checksum of 0003 ("Channels") changed" */
	private static final Pattern FAILED_VERSION = Pattern.compile("(\\S+) \\(\"");

	private static final String LOCKS = CypherResource.load(GraphMigrations.class, "migration-locks.cypher");

	private static final String CLEAR_LOCKS = CypherResource.load(GraphMigrations.class, "clear-migration-locks.cypher");

	private static final String APPLIED_VERSIONS = CypherResource.load(GraphMigrations.class, "applied-migrations.cypher");

	/** Where the embedded database remembers the scripts it was last found up to date with (see upToDateInProcess). */
	private static final Label CHECKED = Label.label("__PowerKgMigrationsChecked");

	/** neo4j-migrations' own nodes: its lock, and one per applied script. */
	private static final Label LOCK = Label.label("__Neo4jMigrationsLock");

	private static final Label APPLIED = Label.label("__Neo4jMigration");

	private static final String CHECKED_ID = "migrations";

	/** What neo4j-migrations says when another process holds its lock. */
	static final String LOCK_FAILED = "Cannot create __Neo4jMigrationsLock node";

	/** How to treat the migrations at start-up. */
	public enum Mode {

		/** apply pending scripts (the service, and any job on the embedded database) */
		APPLY,
		/** compare without applying and without the lock (a command-line job against a running service's database) */
		CHECK,
		/** neither */
		OFF

	}

	private final Driver driver;

	private final Migrations migrations;

	private final Mode mode;

	private final boolean embedded;

	private final Duration lockTimeout;

	private final List<String> locations;

	private Optional<MigrationVersion> appliedVersion = Optional.empty();

	/** The embedded database itself, when it runs in this process: a restart checks the scripts without Cypher. */
	private GraphDatabaseService inProcess;

	public GraphMigrations(Driver driver, MigrationsProperties properties) {
		this(driver, properties, properties.enabled() ? Mode.APPLY : Mode.OFF, true);
	}

	/**
	 * @param embedded the database is in this process: a lock found on it belongs to a process that ended
	 */
	public GraphMigrations(Driver driver, MigrationsProperties properties, Mode mode, boolean embedded) {
		this.driver = driver;
		this.locations = properties.resolvedLocations();
		var config = MigrationsConfig.builder()
			.withLocationsToScan(this.locations.toArray(String[]::new))
			.withResourceScanner(new ClasspathScripts(GraphMigrations.class.getClassLoader()))
			.withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
			// scripts edited on Windows must not change their checksum
			.withAutocrlf(true)
			.withInstalledBy("power-customer-kg")
			.build();
		this.migrations = new Migrations(config, driver);
		this.mode = mode;
		this.embedded = embedded;
		this.lockTimeout = properties.lockTimeout();
	}

	/**
	 * On the embedded database a restart with nothing to apply is told apart by reading the recorded scripts through
	 * the database's own API: the first Cypher statement of a fresh JVM costs seconds (parser, planner and Bolt warming
	 * up), and neo4j-migrations needs several.
	 */
	public GraphMigrations inProcess(GraphDatabaseService database) {
		this.inProcess = database;
		return this;
	}

	/**
	 * Applies (or checks) the scripts as the mode says.
	 * @throws MigrationFailedException naming the script and statement at fault
	 */
	public void apply() {
		switch (this.mode) {
			case OFF -> log.info("Cypher migrations are disabled (powerkg.migrations.enabled=false)");
			case CHECK -> check();
			case APPLY -> applyPending();
		}
	}

	private void applyPending() {
		// read once: the fingerprint decides the fast path and is remembered after the full one
		Optional<ScriptSet> scripts = (this.inProcess == null) ? Optional.empty() : ScriptSet.of(this.locations);
		Optional<String> upToDate = upToDateInProcess(scripts);
		if (upToDate.isPresent()) {
			this.appliedVersion = Optional.of(MigrationVersion.withValue(upToDate.get()));
			log.info("Graph schema is at version {}, nothing to apply (from {})", upToDate.get(), String.join(", ", this.locations));
			return;
		}
		clearAbandonedLock();
		List<MigrationChain.Element> pending;
		MigrationChain chain;
		try {
			// without the lock: the scripts this call will apply, to name each in the log
			chain = this.migrations.info(false);
			pending = chain.getElements().stream().filter(e -> e.getState() == MigrationState.PENDING).toList();
		}
		catch (MigrationsException ex) {
			throw databaseAhead(ex).orElseGet(() -> MigrationFailedException.from(ex, sourceOf(ex), false));
		}
		if (pending.isEmpty()) {
			// nothing to apply: no lock, no second look (a restart costs seconds less)
			this.appliedVersion = chain.getLastAppliedVersion();
			log.info("Graph schema is at version {}, nothing to apply (from {})",
					this.appliedVersion.map(MigrationVersion::getValue).orElse("<none>"), String.join(", ", this.locations));
			rememberUpToDate(scripts);
			return;
		}
		try {
			this.appliedVersion = this.migrations.apply();
		}
		catch (MigrationsException ex) {
			throw MigrationFailedException.from(ex, sourceOf(ex), lockHeld(ex));
		}
		pending.forEach(script -> progress.info("Applied Cypher migration {}", script.getSource()));
		rememberUpToDate(scripts);
		log.info("Graph schema is at version {} ({} script(s) applied now, from {})",
				this.appliedVersion.map(MigrationVersion::getValue).orElse("<none>"), pending.size(), String.join(", ", this.locations));
	}

	/**
	 * The version the embedded database is at when it was last found up to date with exactly these scripts (the same
	 * fingerprint of locations, names and contents, as many applied scripts as there are files) and holds no migration
	 * lock; empty when anything differs or cannot be read, and neo4j-migrations decides and explains.
	 */
	Optional<String> upToDateInProcess() {
		return upToDateInProcess((this.inProcess == null) ? Optional.empty() : ScriptSet.of(this.locations));
	}

	private Optional<String> upToDateInProcess(Optional<ScriptSet> local) {
		if (this.inProcess == null) {
			return Optional.empty();
		}
		try {
			if (local.isEmpty()) {
				return Optional.empty();
			}
			try (Transaction tx = this.inProcess.beginTx()) {
				try (ResourceIterator<Node> locks = tx.findNodes(LOCK)) {
					if (locks.hasNext()) {
						return Optional.empty();
					}
				}
				Node checked = tx.findNode(CHECKED, "id", CHECKED_ID);
				if (checked == null || !local.get().fingerprint().equals(checked.getProperty("fingerprint", null))) {
					return Optional.empty();
				}
				int applied = 0;
				try (ResourceIterator<Node> nodes = tx.findNodes(APPLIED)) {
					while (nodes.hasNext()) {
						applied += "BASELINE".equals(nodes.next().getProperty("version", null)) ? 0 : 1;
					}
				}
				if (applied != local.get().count()) {
					return Optional.empty();
				}
				return Optional.of(String.valueOf(checked.getProperty("version")));
			}
		}
		catch (RuntimeException unreadable) {
			log.debug("Cannot compare the migrations in-process; neo4j-migrations decides", unreadable);
			return Optional.empty();
		}
	}

	/**
	 * Warms up Bolt and Cypher of the embedded database in the background as soon as it is there, while the rest of the
	 * service is wired: the first Cypher statement of a fresh JVM costs seconds, and the migrations run once every bean
	 * is made (an external server is warm already).
	 */
	public void warmUpEarly() {
		if (this.mode != Mode.OFF && this.inProcess != null) {
			warmUp();
		}
	}

	/** After neo4j-migrations found the database up to date: remembers with which scripts, for the next start. */
	private void rememberUpToDate(Optional<ScriptSet> local) {
		if (this.inProcess == null || this.appliedVersion.isEmpty() || local.isEmpty()) {
			return;
		}
		try {
			try (Transaction tx = this.inProcess.beginTx()) {
				Node checked = tx.findNode(CHECKED, "id", CHECKED_ID);
				if (checked == null) {
					checked = tx.createNode(CHECKED);
					checked.setProperty("id", CHECKED_ID);
				}
				checked.setProperty("fingerprint", local.get().fingerprint());
				checked.setProperty("version", this.appliedVersion.get().getValue());
				tx.commit();
			}
		}
		catch (RuntimeException ex) {
			log.debug("Cannot remember the checked migrations; the next start checks them through neo4j-migrations", ex);
		}
	}

	/** The scripts in the locations: how many, and a SHA-256 over the locations, names and contents. */
	record ScriptSet(int count, String fingerprint) {

		static Optional<ScriptSet> of(List<String> locations) {
			try {
				var resolver = new PathMatchingResourcePatternResolver();
				var digest = MessageDigest.getInstance("SHA-256");
				int count = 0;
				for (String location : locations) {
					String pattern = (location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
							: location) + "/**/*.cypher";
					var scripts = new TreeMap<String, byte[]>();
					for (var script : resolver.getResources(pattern)) {
						try (var in = script.getInputStream()) {
							scripts.put(script.getURL().toString(), in.readAllBytes());
						}
					}
					digest.update((location + "\0").getBytes(StandardCharsets.UTF_8));
					for (var script : scripts.entrySet()) {
						digest.update((script.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
						digest.update(script.getValue());
					}
					count += scripts.size();
				}
				return Optional.of(new ScriptSet(count, HexFormat.of().formatHex(digest.digest())));
			}
			catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
				return Optional.empty();
			}
		}

	}

	/**
	 * One trivial statement in the background: the first Cypher statement of a fresh JVM warms up Bolt and Cypher.
	 */
	private void warmUp() {
		Thread.ofPlatform().daemon().name("cypher-warm-up").start(() -> {
			try {
				this.driver.executableQuery(LOCKS).execute();
			}
			catch (RuntimeException ex) {
				log.debug("Cypher warm-up failed; the first request warms up instead", ex);
			}
		});
	}

	/**
	 * Compares the scripts of this version with those the database has, without applying anything or taking the lock:
	 * a database that is ahead (a newer service applied scripts this version lacks) or behind (the service applies them
	 * at its next start) is fine and said so; one without any schema is refused.
	 */
	private void check() {
		Set<String> applied = appliedVersions();
		if (applied.isEmpty()) {
			throw new MigrationFailedException("the database has no graph schema yet: start the service against it once (it "
					+ "applies the Cypher migrations), or run this command with --powerkg.migrations.mode=apply", false, null);
		}
		ValidationResult result;
		try {
			result = this.migrations.validate(false);
		}
		catch (MigrationsException ex) {
			throw MigrationFailedException.from(ex, Optional.empty(), false);
		}
		String at = applied.stream().max(String::compareTo).orElseThrow();
		switch (result.getOutcome()) {
			case INCOMPLETE_MIGRATIONS -> log.info("The database (at {}) has Cypher migrations this command does not know: "
					+ "a newer service applied them; fine, the service owns the migrations", at);
			case INCOMPLETE_DATABASE -> log.warn("The database (at {}) lacks Cypher migrations this command has; the service "
					+ "applies them at its next start", at);
			case DIFFERENT_CONTENT -> log.warn("The database's Cypher migrations (at {}) differ from this command's; the service "
					+ "decides at its next start", at);
			default -> log.info("Graph schema checked: database at {} (the service applies the migrations)", at);
		}
	}

	/** Versions the database recorded as applied, read without the migration lock. */
	private Set<String> appliedVersions() {
		return this.driver.executableQuery(APPLIED_VERSIONS)
			.execute().records().stream().map(r -> r.get("v").asString()).collect(Collectors.toCollection(TreeSet::new));
	}

	/** A database that has scripts this version lacks (applied by a newer one): say which, and what to do. */
	private Optional<MigrationFailedException> databaseAhead(MigrationsException ex) {
		if (!String.valueOf(ex.getMessage()).contains("More migrations have been applied")) {
			return Optional.empty();
		}
		Set<String> unknown = appliedVersions();
		try {
			unknown.removeAll(versions(this.migrations.info(MigrationChain.ChainBuilderMode.LOCAL).getElements()));
		}
		catch (RuntimeException unreadable) {
			// keep the applied versions as they are
		}
		return Optional.of(new MigrationFailedException("the database has Cypher migrations that are not in "
				+ String.join(", ", this.locations) + ": " + String.join(", ", unknown) + " (applied by a newer version or from "
				+ "another folder); run the version that applied them, or add their scripts to powerkg.migrations.locations", false, ex));
	}

	/** Another process holds the lock: the lock node exists already (a uniqueness violation on it). */
	private static boolean lockHeld(MigrationsException ex) {
		if (!String.valueOf(ex.getMessage()).contains(LOCK_FAILED)) {
			return false;
		}
		for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof Neo4jException neo4j
					&& "Neo.ClientError.Schema.ConstraintValidationFailed".equals(neo4j.code())) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> versions(Collection<MigrationChain.Element> elements) {
		return elements.stream().map(MigrationChain.Element::getVersion).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * A lock node left by a process that died while applying migrations. On the embedded database nobody else can hold
	 * it; on an external one it is taken as abandoned when the same lock stays for longer than the lock timeout (a
	 * migration run of this product takes seconds).
	 */
	private void clearAbandonedLock() {
		List<String> locks = locks();
		if (locks.isEmpty()) {
			return;
		}
		if (!this.embedded) {
			long deadline = System.nanoTime() + this.lockTimeout.toNanos();
			log.info("Another process holds the Cypher migration lock {}; waiting up to {} s for it", locks, this.lockTimeout.toSeconds());
			while (!locks.isEmpty() && System.nanoTime() < deadline) {
				sleep(Duration.ofMillis(500));
				List<String> now = locks();
				if (!now.equals(locks)) {
					locks = now; // someone is working: the clock starts again for the new lock
					deadline = System.nanoTime() + this.lockTimeout.toNanos();
				}
			}
			if (locks.isEmpty()) {
				return;
			}
		}
		this.driver.executableQuery(CLEAR_LOCKS).withParameters(Map.of("ids", locks)).execute();
		log.warn("Cleared the Cypher migration lock {} left by a process that ended while applying migrations ({})", locks,
				this.embedded ? "only this process can open the embedded database" : "held unchanged for over "
						+ this.lockTimeout.toSeconds() + " s (powerkg.migrations.lock-timeout)");
	}

	private List<String> locks() {
		List<String> ids = new ArrayList<>();
		this.driver.executableQuery(LOCKS).execute().records().forEach(r -> ids.add(r.get("id").asString("?")));
		return ids;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the migration lock", ex);
		}
	}

	/** neo4j-migrations names a failing script by version and description; stewards know it by its file. */
	private Optional<String> sourceOf(MigrationsException ex) {
		Matcher version = FAILED_VERSION.matcher(String.valueOf(ex.getMessage()));
		if (!version.find()) {
			return Optional.empty();
		}
		try {
			return this.migrations.info(MigrationChain.ChainBuilderMode.LOCAL)
				.getElements()
				.stream()
				.filter(element -> element.getVersion().equals(version.group(1)))
				.map(MigrationChain.Element::getSource)
				.findFirst();
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	public Optional<String> appliedVersion() {
		return this.appliedVersion.map(MigrationVersion::getValue);
	}

	public Migrations migrations() {
		return this.migrations;
	}

	public Mode mode() {
		return this.mode;
	}

}
