package com.powerkg.graphiql;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.browser.Chromium;
import com.powerkg.browser.Chromium.Page;
import com.powerkg.browser.Chromium.Request;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser on a closed network: everything it needs comes from the service, it signs in with the
 * browser's HTTP Basic credentials and runs a portrait query against /graphql.
 */
@GraphTest
class GraphiqlInRealBrowserTest {

	private static Chromium chromium;

	@LocalServerPort
	int port;

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

	@BeforeEach
	void smallFixtureIsImported() {
		Chromium.assumeInstalled();
		this.importer.importDirectory(Fixtures.directory("small"));
	}

	@Test
	void graphiqlRunsAPortraitQueryWithNothingFromOutside() {
		String origin = "http://127.0.0.1:" + this.port;
		try (Page page = chromium.open().signInAs("marketing", "marketing")) {
			page.navigate(origin + "/graphiql");

			page.waitUntil("GraphiQL's editors are there", """
					document.querySelector('.graphiql-query-editor .monaco-editor .view-lines')
					  && document.querySelector('.graphiql-response .monaco-editor')
					  && !document.querySelector('.loading')""", Duration.ofSeconds(60));
			assertThat(page.text("location.pathname")).isEqualTo("/graphiql/");
			page.waitUntil("the default query is shown",
					"document.querySelector('.graphiql-query-editor .view-lines').textContent.includes('C00000042')",
					Duration.ofSeconds(10));

			// the schema came through GraphiQL's introspection query (within the service's depth and complexity limits)
			page.click("button[aria-label='Show Documentation Explorer']");
			page.waitUntil("the documentation explorer shows the schema's root types", """
					document.querySelector('.graphiql-doc-explorer-root-type')
					  && document.querySelector('.graphiql-doc-explorer').textContent.includes('Query')
					  && !document.querySelector('.graphiql-doc-explorer-error')""", Duration.ofSeconds(30));

			// as a user does: click into the query, select all, paste another over it, press the run button
			page.click(".graphiql-query-editor .monaco-editor .view-lines");
			page.press("a", Page.CTRL);
			page.paste("""
					{
					  customer(id: "B001") {
					    id name
					    tags { code }
					    segments { dimension level }
					  }
					}
					""");
			page.click(".graphiql-execute-button");

			page.waitUntil("the result panel shows customer B001",
					"document.querySelector('.graphiql-response .view-lines')?.textContent.includes('\"B001\"')",
					Duration.ofSeconds(30));
			String result = page.text("document.querySelector('.graphiql-response .view-lines').textContent")
				.replace('\u00a0', ' ');
			assertThat(result).contains("\"customer\"", "\"id\": \"B001\"", "\"name\": \"城东").doesNotContain("\"errors\"");
			page.screenshot("graphiql");

			List<Request> requests = page.requests();
			assertThat(requests).as("what the page asked for").isNotEmpty()
				.allSatisfy(request -> assertThat(request.url()).as(request.toString())
					.satisfiesAnyOf(url -> assertThat(url).startsWith(origin + "/"),
							url -> assertThat(url).startsWith("data:"), url -> assertThat(url).startsWith("blob:")));
			assertThat(page.blockedUrls()).as("nothing tried to leave the machine").isEmpty();
			assertThat(requests).as("none failed").allSatisfy(request -> assertThat(request.failure()).as(request.toString()).isNull());
			// a worker's script may be reported by the page and by the worker, and the last may still be loading
			Set<String> answered = requests.stream().filter(request -> request.status() == 200).map(Request::url).collect(Collectors.toSet());
			assertThat(requests).as("GraphiQL's files, all from the jar").extracting(Request::url)
				.filteredOn(url -> url.startsWith(origin + "/graphiql/"))
				.contains(origin + "/graphiql/graphiql.js", origin + "/graphiql/graphiql.css",
						origin + "/graphiql/workers/graphql.worker.js")
				.allSatisfy(url -> assertThat(answered).as("answered with 200").contains(url));
			assertThat(page.console()).as("what the page logged").noneMatch(line -> line.startsWith("uncaught"));
			assertThat(requests).as("the query went to the service's /graphql")
				.filteredOn(request -> request.url().equals(origin + "/graphql") && request.method().equals("POST"))
				.isNotEmpty()
				.anySatisfy(request -> assertThat(request.status()).as(request.toString()).isEqualTo(200))
				.allSatisfy(request -> assertThat(request.status()).as(request.toString()).isIn(0, 200));
		}
	}

}
