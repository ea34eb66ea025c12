package com.powerkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the {@code .cypher} files that live beside the classes that run them, so each capability owns its
 * Cypher as readable files rather than Java string literals.
 */
public final class CypherResource {

	private CypherResource() {
	}

	public static String load(Class<?> owner, String name) {
		try (InputStream in = owner.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Cypher resource " + name + " missing next to " + owner.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
