package com.powerkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The class-path scripts are found as neo4j-migrations' own scanner finds them, without opening every jar. */
class ClasspathScriptsTest {

	final ClasspathScripts scripts = new ClasspathScripts(getClass().getClassLoader());

	@Test
	void findsTheSameResourcesAsNeo4jMigrationsOwnScanner() {
		List<String> locations = List.of("cypher/migrations", "broken-migrations");
		List<String> expected;
		try (ScanResult all = new ClassGraph().acceptPaths(locations.toArray(String[]::new)).scan()) {
			expected = all.getAllResources().nonClassFilesOnly().getURLs().stream().map(URL::toString).toList();
		}

		List<String> found = this.scripts.scan(locations).stream().map(URL::toString).toList();

		assertThat(found).containsExactlyInAnyOrderElementsOf(expected)
			.anyMatch(url -> url.endsWith("/cypher/migrations/V0001__Constraints.cypher"))
			.anyMatch(url -> url.endsWith("/broken-migrations/V9001__Steward_typo.cypher"));
	}

	@Test
	void findsScriptsInAJarAndItsSubFoldersButNotClassFilesOrFolders(@TempDir Path tmp) throws IOException {
		Path jar = tmp.resolve("steward.jar");
		try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "steward/", null);
			entry(out, "steward/V9100__Rename_a_tag.cypher", "MATCH (t:Tag {code: 'X'}) SET t.nameEn = 'Y';");
			entry(out, "steward/2027/", null);
			entry(out, "steward/2027/V9200__Another.cypher", "RETURN 1;");
			entry(out, "steward/Helper.class", "not a script");
			entry(out, "elsewhere/V9300__Not_here.cypher", "RETURN 2;");
		}
		try (var loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<URL> found = new ClasspathScripts(loader).scan(List.of("/steward/"));

			String inJar = "jar:" + jar.toUri().toURL() + "!/steward/";
			assertThat(found).extracting(URL::toString)
				.containsExactlyInAnyOrder(inJar + "V9100__Rename_a_tag.cypher", inJar + "2027/V9200__Another.cypher");
			try (InputStream in = found.stream().filter(u -> u.getPath().endsWith("V9200__Another.cypher")).findFirst().orElseThrow().openStream()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("RETURN 1;");
			}
		}
	}

	@Test
	void theSameScriptReachedTwiceIsGivenOnceAndADifferentOneOfTheSameNameToo(@TempDir Path tmp) throws IOException {
		// a folder spelt differently by the class loader and the file system (';' and '='), and a jar with the same script
		Path folder = Files.createDirectories(tmp.resolve("work;dir=1/steward"));
		Files.writeString(folder.resolve("V9100__Rename_a_tag.cypher"), "RETURN 'same';");
		Path same = tmp.resolve("same.jar");
		try (var out = new JarOutputStream(Files.newOutputStream(same))) {
			entry(out, "steward/", null);
			entry(out, "steward/V9100__Rename_a_tag.cypher", "RETURN 'same';");
			entry(out, "steward/V9200__Another.cypher", "RETURN 2;");
		}
		Path different = tmp.resolve("different.jar");
		try (var out = new JarOutputStream(Files.newOutputStream(different))) {
			entry(out, "steward/", null);
			entry(out, "steward/V9100__Rename_a_tag.cypher", "RETURN 'different';");
		}
		// the folder as the JVM's own class path spells it (escaped), while a file found in it is spelt as the file system does
		URL escaped = URI.create(tmp.toUri() + "work%3Bdir%3D1/").toURL();
		URL[] classPath = { escaped, same.toUri().toURL(), different.toUri().toURL() };
		try (var loader = new URLClassLoader(classPath, null)) {
			List<String> found = new ClasspathScripts(loader).scan(List.of("steward")).stream().map(URL::toString).toList();

			assertThat(found).as("once from the folder, not again from same.jar; different.jar's is another script").hasSize(3)
				.anyMatch(url -> url.startsWith("file:") && url.endsWith("/steward/V9100__Rename_a_tag.cypher"))
				.anyMatch(url -> url.endsWith("same.jar!/steward/V9200__Another.cypher"))
				.anyMatch(url -> url.endsWith("different.jar!/steward/V9100__Rename_a_tag.cypher"));
		}
	}

	@Test
	void aLocationGivenTwiceOrInsideAnotherGivesEachScriptOnce() {
		List<URL> once = this.scripts.scan(List.of("cypher/migrations"));

		assertThat(this.scripts.scan(List.of("cypher", "cypher/migrations", "/cypher/migrations/"))).containsAll(once)
			.doesNotHaveDuplicates();
		assertThat(once).hasSizeGreaterThanOrEqualTo(19).doesNotHaveDuplicates();
	}

	@Test
	void aFolderNoClassPathEntryHasIsLeftToNeo4jMigrationsOwnScanOfEveryJar(@TempDir Path tmp) throws IOException {
		Path jar = tmp.resolve("bare.jar");
		try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "steward/V9100__Rename_a_tag.cypher", "RETURN 1;");
		}
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		try (var loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			thread.setContextClassLoader(loader); // where ClassGraph looks, besides the JVM's class path
			assertThat(loader.getResource("steward")).as("a jar written without folder entries").isNull();

			assertThat(new ClasspathScripts(loader).scan(List.of("steward"))).singleElement()
				.satisfies(url -> assertThat(url.toString()).startsWith("jar:file:").endsWith("/bare.jar!/steward/V9100__Rename_a_tag.cypher"));
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	@Test
	void aFolderThatIsNotOnTheClassPathHasNoScripts() {
		assertThat(this.scripts.scan(List.of("cypher/migrations/none-here"))).isEmpty();
	}

	private static void entry(JarOutputStream jar, String name, String content) throws IOException {
		jar.putNextEntry(new JarEntry(name));
		if (content != null) {
			OutputStream out = jar;
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		jar.closeEntry();
	}

}
