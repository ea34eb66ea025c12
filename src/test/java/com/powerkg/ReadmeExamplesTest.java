package com.powerkg;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README cannot drift: every GraphQL example in it runs against the service as a new user starts it (the committed
 * sample loaded and analysed at the first start), through the real HTTP endpoint, signed in as the documented admin,
 * and answers without an error.
 */
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "own embedded store")
class ReadmeExamplesTest {

	static ConfigurableApplicationContext service;

	static int port;

	@BeforeAll
	static void startAsANewUserDoes() {
		service = new SpringApplicationBuilder(PowerKgApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--powerkg.neo4j.embedded.data-directory=" + TestNeo4j.freshStore(),
					"--powerkg.neo4j.embedded.bolt-port=0", "--powerkg.import.reports-directory=target/test-reports/readme");
		port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	/** The operations of the README's ```graphql blocks, each on its own (a block may hold a query and a mutation). */
	static List<String> examples() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
		List<String> operations = new ArrayList<>();
		while (block.find()) {
			operations.addAll(operations(block.group(1)));
		}
		return operations;
	}

	/** Splits a document into its top-level operations by their braces. */
	static List<String> operations(String document) {
		List<String> operations = new ArrayList<>();
		int depth = 0;
		int start = -1;
		boolean inString = false;
		for (int i = 0; i < document.length(); i++) {
			char c = document.charAt(i);
			if (c == '"' && (i == 0 || document.charAt(i - 1) != '\\')) {
				inString = !inString;
			}
			if (inString) {
				continue;
			}
			if (c == '#') {
				i = document.indexOf('\n', i) < 0 ? document.length() : document.indexOf('\n', i);
				continue;
			}
			if (start < 0 && !Character.isWhitespace(c)) {
				start = i;
			}
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				operations.add(document.substring(start, i + 1).strip());
				start = -1;
			}
		}
		return operations;
	}

	@TestFactory
	List<DynamicTest> everyGraphQlExampleOfTheReadmeAnswersWithoutAnError() throws Exception {
		List<String> examples = examples();
		assertThat(examples).as("the README's GraphQL examples").hasSizeGreaterThan(10);
		List<DynamicTest> tests = new ArrayList<>();
		for (String example : examples) {
			String name = example.replaceAll("\\s+", " ");
			tests.add(DynamicTest.dynamicTest(name.substring(0, Math.min(80, name.length())), () -> {
				HttpResponse<String> response = Http.as(port, "admin").graphQl(example);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.body()).as(example).doesNotContain("\"errors\"");
			}));
		}
		return tests;
	}

}
