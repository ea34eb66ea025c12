package com.powerkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The suite's class order (junit-platform.properties): the classes that need no database first, and meanwhile, on
 * another thread, the migrated template store every test database is copied from ({@link TestNeo4j#migratedStore()}).
 * Built on a fresh JVM, that template takes 15–20 s (the migrations' Cypher compiled cold), most of it waiting for the
 * database's own worker thread: the pure classes use the other core in that time. A class is taken to need a database
 * when its class file names one of the ways tests reach one (or starts processes); one taken wrongly for pure only waits
 * for the template, as every test did before.
 */
public class DatabaseClassesLast implements ClassOrderer {

	/**
	 * How tests reach a database (the shared context, their own store or service, a command-line job), and child
	 * processes: those keep both cores busy themselves.
	 */
	private static final List<String> DATABASE = List.of("com/powerkg/GraphTest", "com/powerkg/TestNeo4j", "com/powerkg/PrivateGraph",
			"com/powerkg/cli/TestCommandLine", "com/powerkg/graph/EmbeddedNeo4j", "java/lang/ProcessBuilder");

	@Override
	public void orderClasses(ClassOrdererContext context) {
		List<? extends ClassDescriptor> classes = context.getClassDescriptors();
		boolean enclosed = classes.stream().anyMatch(c -> c.getTestClass().getEnclosingClass() != null);
		if (enclosed) {
			return; // nested classes keep their order within their class
		}
		Map<Class<?>, Boolean> database = new HashMap<>();
		classes.sort(Comparator.comparing(c -> database.computeIfAbsent(c.getTestClass(), DatabaseClassesLast::needsDatabase)));
		if (!TestNeo4j.external() && database.containsValue(true)) {
			TestNeo4j.prepareTemplate();
		}
	}

	/** From the class file of the class and of those declared in it (a helper record that starts a process). */
	static boolean needsDatabase(Class<?> testClass) {
		try (InputStream in = testClass.getResourceAsStream(testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1) + ".class")) {
			if (in == null) {
				return true;
			}
			String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			if (DATABASE.stream().anyMatch(constants::contains)) {
				return true;
			}
		}
		catch (IOException unreadable) {
			return true;
		}
		return Arrays.stream(testClass.getDeclaredClasses()).anyMatch(DatabaseClassesLast::needsDatabase);
	}

}
