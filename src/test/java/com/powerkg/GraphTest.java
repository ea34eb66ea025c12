package com.powerkg;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole service on a real Neo4j: embedded by default (a fresh store per JVM, Bolt on a free
 * loopback port), or a Testcontainers Neo4j with {@code -Ptestcontainers}. Every class with this annotation
 * shares one application context and so one database; tests use their own ids so they do not collide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "powerkg.neo4j.embedded.bolt-port=0", "powerkg.sample.load-on-empty-database=false",
				"powerkg.import.reports-directory=target/test-reports",
				// tests that count round-trips must not see a background warm-up's; ServingWarmUpTest runs it itself
				"powerkg.graphql.warm-up=false" })
@ContextConfiguration(initializers = TestNeo4j.class)
@AutoConfigureGraphQlTester
@Import({ TestCallers.class, AsyncTimeoutProbe.class })
public @interface GraphTest {

}
