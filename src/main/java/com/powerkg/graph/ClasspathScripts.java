package com.powerkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import ac.simons.neo4j.migrations.core.MigrationsConfig;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the scripts of a {@code classpath:} migrations location (the packaged {@code cypher/migrations}, a steward's
 * folder on the class path) by asking the class loader for that folder only. neo4j-migrations' own scanner (ClassGraph)
 * opens every jar of the class path, 250 of them here, on each look: 0.3–0.5 s warm and about 1 s on a fresh JVM, and
 * a start that applies scripts looks several times. This answers in a few milliseconds what that scan answers, with
 * two differences:
 * <ul>
 * <li>the same script reached twice through the class path (the same name under the folder, the same content: a class
 * path that ends with {@code :} has the working directory on it) is given once; a different script of the same name is
 * given too, and neo4j-migrations refuses the duplicate version, as it did;</li>
 * <li>the scan of every jar runs only for a folder no entry of the class path has: scripts in a jar written without
 * folder entries are found then, but not beside a folder an entry has.</li>
 * </ul>
 */
final class ClasspathScripts implements ClasspathResourceScanner {

	private final ClassLoader classLoader;

	private final PathMatchingResourcePatternResolver resolver;

	/** neo4j-migrations' own scanner, for a folder the class loader does not know. */
	private final ClasspathResourceScanner everyJar = MigrationsConfig.defaultConfig().getResourceScanner();

	ClasspathScripts(ClassLoader classLoader) {
		this.classLoader = classLoader;
		this.resolver = new PathMatchingResourcePatternResolver(classLoader);
	}

	/**
	 * @param locations folders on the class path ({@code cypher/migrations}), without the {@code classpath:} prefix
	 * @return every file under them, in sub-folders too, class files aside, each once (a location given twice, or one
	 *     inside another, as neo4j-migrations' own scan gives them)
	 */
	@Override
	public List<URL> scan(List<String> locations) {
		Map<String, URL> found = new LinkedHashMap<>();
		for (String location : locations) {
			String folder = location.replaceAll("^/+|/+$", "");
			try {
				List<URL> roots = Collections.list(this.classLoader.getResources(folder));
				if (roots.isEmpty()) {
					this.everyJar.scan(List.of(folder)).forEach(url -> found.putIfAbsent(url.toString(), url));
					continue;
				}
				Map<String, Resource> byName = new HashMap<>();
				for (URL root : roots) {
					String base = root.toString().endsWith("/") ? root.toString() : root + "/";
					// names under the folder, compared decoded: the class loader and the file system spell a folder
					// with ';' or '=' differently
					String decodedBase = decoded(base);
					for (Resource resource : this.resolver.getResources(base + "**/*")) {
						URL url = resource.getURL();
						String path = decoded(url.toString());
						if (path.endsWith("/") || path.endsWith(".class") || !resource.isReadable()) {
							continue;
						}
						String name = path.startsWith(decodedBase) ? path.substring(decodedBase.length()) : path;
						Resource first = byName.putIfAbsent(name, resource);
						if (first == null || !Arrays.equals(read(first), read(resource))) {
							found.putIfAbsent(url.toString(), url);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list the migrations in classpath:" + folder, ex);
			}
		}
		return List.copyOf(found.values());
	}

	private static String decoded(String url) {
		return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static byte[] read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
	}

}
