package com.powerkg;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point (Start-Class), compiled for Java 17 so that it runs on the older Java a machine often has by
 * default: on anything older than 25 it says in one line what to do instead of failing with an
 * UnsupportedClassVersionError stack trace; on 25 it hands over to {@link PowerKgApplication}.
 */
public final class Launcher {

	static final int REQUIRED = 25;

	private Launcher() {
	}

	public static void main(String[] args) throws Throwable {
		int running = Runtime.version().feature();
		if (running < REQUIRED) {
			System.err.println("power-kg needs Java " + REQUIRED + " or newer, this is Java " + Runtime.version() + " at "
					+ System.getProperty("java.home") + ": run it with a JDK " + REQUIRED
					+ " (e.g. export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 and use $JAVA_HOME/bin/java -jar ...)");
			System.exit(1);
		}
		try {
			Class.forName("com.powerkg.PowerKgApplication").getMethod("main", String[].class).invoke(null, (Object) args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
