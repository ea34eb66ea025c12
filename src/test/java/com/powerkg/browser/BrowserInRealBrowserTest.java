package com.powerkg.browser;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.browser.Chromium.Page;
import com.powerkg.browser.Chromium.Request;
import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neo4j Browser in a real browser on a closed network: it connects to the embedded database over Bolt WebSocket on
 * loopback and runs Cypher. Browser asks for web fonts and scripts on the internet (Google Fonts, Segment, Canny);
 * they are blocked, and Browser works without them.
 */
@GraphTest
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
class BrowserInRealBrowserTest {

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	Driver driver;

	@Autowired
	CsvImporter importer;

	@BeforeAll
	static void launch() throws IOException {
		if (Chromium.installed()) {
			chromium = Chromium.launch();
		}
	}

	@AfterAll
	static void quit() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void browserConnectsOverBoltOnLoopbackAndRunsCypherWithTheOutsideBlocked() {
		Chromium.assumeInstalled();
		this.importer.importDirectory(Fixtures.directory("small"));
		String origin = "http://127.0.0.1:" + this.port;
		URI bolt = URI.create(this.neo4j.boltUri());
		long customers = this.driver.executableQuery("MATCH (c:Customer) RETURN count(c) AS n").execute()
			.records().getFirst().get("n").asLong();
		assertThat(customers).isPositive();
		try (Page page = chromium.open().signInAs("analyst", "analyst")) {
			page.navigate(origin + "/browser/");

			page.waitUntil("Browser has connected to the database", """
					document.body.innerText.includes('Connected to Neo4j')
					  && document.querySelector('[data-testid=activeEditor] .monaco-editor .view-lines')""",
					Duration.ofSeconds(60));
			page.click("[data-testid=activeEditor] .monaco-editor .view-lines");
			page.insertText("MATCH (c:Customer) RETURN count(c) AS n");
			page.click("[data-testid=editor-Run]");

			String frame = """
					[...document.querySelectorAll('[data-testid=frame]')]
					  .find(f => f.querySelector('[data-testid=frameCommand]')?.textContent.includes('count(c) AS n'))""";
			page.waitUntil("the query's result is shown", "(" + frame + ")?.innerText.includes('Started streaming 1 record')",
					Duration.ofSeconds(30));
			String result = page.text("(" + frame + ").innerText");
			assertThat(result).as("the result table: column n, one row").containsPattern("(?s)\\bn\\s+1\\s+" + customers + "\\s");
			page.screenshot("browser");

			List<Request> requests = page.requests();
			List<Request> outside = page.requestsOffThisMachine();
			System.out.println("Neo4j Browser asked for, from outside the machine (all blocked):\n  "
					+ String.join("\n  ", outside.stream().map(Request::toString).toList()));
			assertThat(outside).as("everything Browser asked from outside was stopped before it left")
				.allSatisfy(request -> assertThat(request.blocked() || request.failure() != null).as(request.toString()).isTrue());
			assertThat(page.blockedUrls()).as("only what was going off the machine was blocked")
				.noneMatch(Chromium::staysOnThisMachine);
			assertThat(requests).as("the rest: the service and the database's Bolt port, on loopback")
				.filteredOn(Request::staysOnThisMachine)
				.filteredOn(request -> !request.url().startsWith("data:") && !request.url().startsWith("blob:"))
				.allSatisfy(request -> assertThat(request.url()).as(request.toString()).satisfiesAnyOf(
						url -> assertThat(url).startsWith(origin + "/"),
						url -> assertThat(url).startsWith("http://" + bolt.getHost() + ":" + bolt.getPort() + "/"),
						url -> assertThat(url).startsWith("ws://" + bolt.getHost() + ":" + bolt.getPort() + "/")));
			assertThat(requests).as("Bolt over WebSocket to the embedded database")
				.filteredOn(request -> request.type().equals("WebSocket"))
				.isNotEmpty()
				.allSatisfy(request -> assertThat(request.status()).as(request.toString()).isEqualTo(101));
		}
	}

}
