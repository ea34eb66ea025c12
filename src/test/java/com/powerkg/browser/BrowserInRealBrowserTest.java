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

	/** One Browser page signed in as the analyst for the tests that use Browser: loading Browser took 4 to 5 s each time. */
	private static Page analystsBrowser;

	@AfterAll
	static void quit() {
		if (analystsBrowser != null) {
			analystsBrowser.close();
			analystsBrowser = null;
		}
		if (chromium != null) {
			chromium.close();
		}
	}

	/**
	 * Browser, opened by the first test that asks: each test then waits on it for what it needs, whichever ran before
	 * (Browser keeps every earlier frame, and each test finds its own by its command).
	 */
	private Page analystsBrowser(String origin) {
		if (analystsBrowser == null) {
			analystsBrowser = chromium.open().signInAs("analyst", "analyst");
			analystsBrowser.navigate(origin + "/browser/");
		}
		return analystsBrowser;
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
		Page page = analystsBrowser(origin);

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

	@Test
	void browserOpensWithTheServicesGuideAndStyleWithTheOutsideBlocked() {
		Chromium.assumeInstalled();
		this.importer.importDirectory(Fixtures.directory("small"));
		String origin = "http://127.0.0.1:" + this.port;
		String customerName = this.driver.executableQuery("MATCH (c:Customer {id: 'B001'}) RETURN c.name AS name").execute()
			.records().getFirst().get("name").asString();
		Page page = analystsBrowser(origin);

		// the guide: browser.post_connect_cmd plays it from the service when Browser connects
		String guide = frame(origin + "/browser-extras/guide.html");
		page.waitUntil("Browser has opened the service's guide", "(" + guide + ")?.innerText.includes('Read the published run')",
				Duration.ofSeconds(60));
		assertThat(page.text("(" + guide + ").innerText")).contains("HAS_TAG", "IN_SEGMENT", "RATED", "USED_CHANNEL",
				"(:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)");
		// ... and the style, which Browser keeps in its local storage
		// Browser fetches the grass, then stores it: wait for what it stored, not for the fetch
		page.waitUntil("Browser has applied the service's style", "(localStorage.getItem('neo4j.grass') || '').includes('node.Tag')",
				Duration.ofSeconds(60));
		String grass = page.text("localStorage.getItem('neo4j.grass')");
		assertThat(grass).contains("\"node.Tag\":{", "\"caption\":\"{code} {nameZh}\"", "\"caption\":\"{id}\"",
				"\"caption\":\"{dimension} {level}\"");
		assertThat(page.text("JSON.parse(localStorage.getItem('neo4j.settings')).autoComplete"))
			.as("'Connect result nodes' is off: it would draw superseded runs' relationships between the nodes shown").isEqualTo("false");
		page.screenshot("browser-guide");

		// one click on a query of the guide runs it
		page.evaluate("(" + guide + ").querySelector('pre.runnable i.fa-play-circle-o').setAttribute('data-test', 'first-guide-query')");
		page.click("[data-test=first-guide-query]");
		String published = frameRunning("MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)");
		page.waitUntil("the click on the guide's first query has opened its frame", published, Duration.ofSeconds(30));
		page.waitUntil("the guide's first query has run", "/Started streaming|no records/.test((" + published + ")?.innerText)",
				Duration.ofSeconds(30), "(" + published + ")?.innerText");

		// tag nodes are captioned with their code and Chinese name, customers with their id and not their name
		run(page, "MATCH (t:Tag) RETURN t ORDER BY t.ordinal LIMIT 3");
		String tags = frameRunning("MATCH (t:Tag) RETURN t ORDER BY t.ordinal LIMIT 3");
		page.waitUntil("three tag nodes are drawn", "(" + tags + ")?.querySelectorAll('svg g.node').length === 3", Duration.ofSeconds(30));
		assertThat(page.text("[...(" + tags + ").querySelectorAll('svg g.node')].map(n => n.textContent.trim()).join('|')"))
			.contains("BILLING_ANOMALY", "REPEATED_ARREARS", "NO_FIXED_CHANNEL", "多次欠费");
		page.screenshot("browser-style");

		run(page, "MATCH (c:Customer {id: 'B001'}) RETURN c");
		String customer = frameRunning("MATCH (c:Customer {id: 'B001'}) RETURN c");
		page.waitUntil("the customer node is drawn", "(" + customer + ")?.querySelectorAll('svg g.node').length === 1", Duration.ofSeconds(30));
		assertThat(page.text("(" + customer + ").querySelector('svg g.node').textContent.trim()")).isEqualTo("B001")
			.doesNotContain(customerName);

		assertThat(page.requests()).as("the guide and the style came from the service")
			.filteredOn(request -> request.url().startsWith(origin + "/browser-extras/"))
			.extracting(Request::toString)
			.contains("GET " + origin + "/browser-extras/guide.html (Fetch, HTTP 200)",
					"GET " + origin + "/browser-extras/style.grass (Fetch, HTTP 200)");
		assertThat(page.requestsOffThisMachine()).as("everything Browser asked from outside was stopped before it left")
			.allSatisfy(request -> assertThat(request.blocked() || request.failure() != null).as(request.toString()).isTrue());
	}

	@Test
	void aUserWithoutTheRoleSeesWhoMayUseBrowserOnAPageThatLoadsNothingElse() throws IOException {
		Chromium.assumeInstalled();
		String origin = "http://127.0.0.1:" + this.port;
		// a Chromium of its own: a web browser keeps a Basic sign-in per origin for all its tabs
		try (Chromium own = Chromium.launch(); Page page = own.open().signInAs("marketing", "marketing")) {
			page.navigate(origin + "/browser/");

			page.waitUntil("the page has loaded", "document.readyState === 'complete'", Duration.ofSeconds(10));
			assertThat(page.text("document.title")).isEqualTo("Neo4j Browser is for analysts and administrators");
			assertThat(page.text("document.body.innerText")).contains("403 Forbidden", "marketing", "ANALYST", "ADMIN",
					"powerkg.security.users", "Open GraphiQL");
			page.screenshot("browser-forbidden");
			assertThat(page.requests()).as("the page alone (and the icon the web browser asks for by itself)")
				.filteredOn(request -> !request.url().equals(origin + "/favicon.ico"))
				.singleElement()
				.satisfies(request -> assertThat(request.toString()).isEqualTo("GET " + origin + "/browser/ (Document, HTTP 403)"));
		}
	}

	/** The stream frame whose command is exactly this (JavaScript, or undefined). */
	private static String frame(String argument) {
		return "[...document.querySelectorAll('[data-testid=frame]')]"
				+ ".find(f => f.querySelector('[data-testid=frameCommand]')?.textContent.trim().endsWith(" + js(argument) + "))";
	}

	/** The latest stream frame whose command starts with this Cypher. */
	private static String frameRunning(String cypher) {
		return "[...document.querySelectorAll('[data-testid=frame]')]"
				+ ".find(f => f.querySelector('[data-testid=frameCommand]')?.textContent.replace(/\\s+/g, ' ').trim().startsWith("
				+ js(cypher) + "))";
	}

	private static void run(Page page, String cypher) {
		page.click("[data-testid=activeEditor] .monaco-editor .view-lines");
		page.insertText(cypher);
		page.click("[data-testid=editor-Run]");
	}

	private static String js(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
