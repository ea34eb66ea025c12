package com.powerkg;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small, readable CSV fixtures under src/test/resources/fixtures. */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path directory(String name) {
		try {
			return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalStateException("No fixture directory " + name, ex);
		}
	}

}
