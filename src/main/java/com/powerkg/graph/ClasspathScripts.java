package com.powerkg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the scripts of a {@code classpath:} migrations location (the packaged {@code cypher/migrations}, a steward's
 * folder on the class path) by asking the class loader for that folder only. neo4j-migrations' own scanner (ClassGraph)
 * opens every jar of the class path, 250 of them here, on each look: 0.3–0.5 s warm and about 1 s on a fresh JVM, and
 * a start that applies scripts looks several times. This answers the same resources in a few milliseconds, and falls back
 * to that scan only for a folder the class loader does not know (a jar written without folder entries).
 */
final class ClasspathScripts implements ClasspathResourceScanner {

	private final ClassLoader classLoader;

	private final PathMatchingResourcePatternResolver resolver;

	ClasspathScripts(ClassLoader classLoader) {
		this.classLoader = classLoader;
		this.resolver = new PathMatchingResourcePatternResolver(classLoader);
	}

	/**
	 * @param locations folders on the class path ({@code cypher/migrations}), without the {@code classpath:} prefix
	 * @return every file under them, in sub-folders too, class files aside, the first of each name on the class path (as
	 *     neo4j-migrations' own scanner answers)
	 */
	@Override
	public List<URL> scan(List<String> locations) {
		List<URL> found = new ArrayList<>();
		for (String location : locations) {
			String folder = location.replaceAll("^/+|/+$", "");
			// by file name under the folder: a script found again further down the class path is masked by the first,
			// as the class loader itself would load it (a class path that ends with ':' has the working directory on it)
			Set<String> seen = new HashSet<>();
			try {
				List<URL> roots = Collections.list(this.classLoader.getResources(folder));
				if (roots.isEmpty()) {
					// not a folder the class loader knows: perhaps a jar written without folder entries, which only a
					// scan of every jar finds
					found.addAll(scanEveryJar(folder));
					continue;
				}
				for (URL root : roots) {
					String base = root.toString().endsWith("/") ? root.toString() : root + "/";
					for (Resource resource : this.resolver.getResources(base + "**/*")) {
						URL url = resource.getURL();
						String name = url.toString().startsWith(base) ? url.toString().substring(base.length()) : url.getPath();
						if (!name.isEmpty() && !name.endsWith("/") && !name.endsWith(".class") && resource.isReadable() && seen.add(name)) {
							found.add(url);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list the migrations in classpath:" + folder, ex);
			}
		}
		return found;
	}

	private List<URL> scanEveryJar(String folder) {
		try (ScanResult all = new ClassGraph().overrideClassLoaders(this.classLoader).acceptPaths(folder).scan()) {
			return all.getAllResources().nonClassFilesOnly().getURLs();
		}
	}

}
