package com.powerkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.powerkg.graph.EmbeddedNeo4jProperties;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of a test context. Default: embedded Neo4j in a new temporary store (deleted when the JVM
 * exits). With {@code -Dpowerkg.test.neo4j=testcontainers} (the {@code testcontainers} Maven profile, needs
 * Docker): a Neo4j container, reached through {@code spring.neo4j.uri} like any external server.
 */
public class TestNeo4j implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String MODE_PROPERTY = "powerkg.test.neo4j";

	/**
	 * The page cache of a test's database, as the pom sets it for every Spring context of the test JVM
	 * ({@code powerkg.neo4j.embedded.page-cache}): Neo4j's own default, half the free memory, is cleared at each start
	 * (about 0.2 s of the 0.45 s a start takes here), and the test stores are a few megabytes.
	 */
	public static final String PAGE_CACHE = System.getProperty("powerkg.neo4j.embedded.page-cache", "512m");

	/**
	 * Neo4j's VM pause monitor in a test's database, as the pom sets it for every Spring context of the test JVM
	 * ({@code powerkg.neo4j.embedded.pause-monitor}): off, each stop of a database waited up to 100 ms for its thread.
	 */
	public static final boolean PAUSE_MONITOR = Boolean.parseBoolean(System.getProperty("powerkg.neo4j.embedded.pause-monitor", "false"));

	private static Neo4jContainer container;

	private static Path template;

	private static final AtomicBoolean PREPARING = new AtomicBoolean();

	public static boolean external() {
		return "testcontainers".equals(System.getProperty(MODE_PROPERTY));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties;
		if (external()) {
			Neo4jContainer neo4j = container();
			properties = Map.of("spring.neo4j.uri", neo4j.getBoltUrl(), "spring.neo4j.authentication.username", "neo4j",
					"spring.neo4j.authentication.password", neo4j.getAdminPassword());
		}
		else {
			properties = Map.of("powerkg.neo4j.embedded.data-directory", migratedStore().toString());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-neo4j", properties));
	}

	private static synchronized Neo4jContainer container() {
		if (container == null) {
			container = new Neo4jContainer(System.getProperty("powerkg.test.neo4j-image", "neo4j:2026.08.1"))
				.withAdminPassword("test-password")
				// as the README asks of an external server: a plan's read past its time ends within 100 ms
				.withNeo4jConfig("db.transaction.monitor.check.interval", "100ms");
			container.start();
		}
		return container;
	}

	/**
	 * A new store the product's migrations have brought up to date, copied from one migrated once per JVM: a store as
	 * the service leaves it after its first start without data, in a fraction of a second instead of the 10–15 s the
	 * scripts take on an empty store. Tests about migrating an empty store use {@link #freshStore()}.
	 */
	public static Path migratedStore() {
		Path copy = freshStore();
		Path template = template();
		try (Stream<Path> paths = Files.walk(template)) {
			for (Path from : paths.toList()) {
				Path to = copy.resolve(template.relativize(from).toString());
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(from, to);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return copy;
	}

	/**
	 * Starts building the template on a thread of its own, while the classes that need no database run
	 * ({@link DatabaseClassesLast}); a test that wants a store before it is built waits for it, and one that finds the
	 * build failed builds it again and sees why.
	 */
	static void prepareTemplate() {
		if (!PREPARING.compareAndSet(false, true)) {
			return; // once per JVM, however often the classes are ordered
		}
		Thread.ofPlatform().daemon().name("test-template-store").start(() -> {
			try {
				template();
			}
			catch (RuntimeException failed) {
				// the first test that needs a store builds it again, and fails with the cause
			}
		});
	}

	private static synchronized Path template() {
		if (template == null) {
			Path store = freshStore();
			// migrated as the service migrates (PrivateGraph), through the database's own API too, so that a copy starts
			// with the fast path (nothing to apply)
			PrivateGraph.open(store).close();
			template = store;
		}
		return template;
	}

	/** A test's own embedded database on the store: Bolt on loopback at a free port, the tests' page cache. */
	public static EmbeddedNeo4jProperties embedded(Path store) {
		return new EmbeddedNeo4jProperties(store, "127.0.0.1", 0, PAGE_CACHE, PAUSE_MONITOR);
	}

	public static Path freshStore() {
		try {
			Path dir = Files.createTempDirectory("powerkg-test-neo4j-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// best effort: it is a temporary directory
		}
	}

}
