package com.powerkg.browser;

import java.net.http.HttpResponse;
import java.util.Map;

import com.powerkg.GraphTest;
import com.powerkg.Http;
import com.powerkg.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GraphTest
@DisabledIfSystemProperty(named = "powerkg.test.neo4j", matches = "testcontainers", disabledReason = "embedded only")
class BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	Driver driver;

	@Test
	void browserOpensPrefilledWithTheEmbeddedBoltUrlAndNoAuth() throws Exception {
		HttpResponse<String> response = get("/browser", "text/html");

		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/browser/?dbms=" + this.neo4j.boltUri().replace(":", "%3A").replace("/", "%2F")
				+ "&preselectAuthMethod=NO_AUTH");
	}

	@Test
	void browserPageAndItsAssetsAreServed() throws Exception {
		HttpResponse<String> page = get("/browser/?dbms=" + this.neo4j.boltUri(), "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Neo4j Browser</title>");

		String script = page.body().replaceAll("(?s).*<script[^>]*src=\"(app-[^\"]+\\.js)\".*", "$1");
		assertThat(script).startsWith("app-");
		assertThat(get("/browser/" + script, "*/*").statusCode()).isEqualTo(200);
	}

	@Test
	void browserIsToldToApplyTheStyleAndOpenTheGuideFromTheServicesOwnAddress() {
		String service = "http://127.0.0.1:" + this.port;
		Map<String, String> config = new java.util.HashMap<>();
		this.driver.executableQuery("CALL dbms.clientConfig() YIELD name, value RETURN name, value").execute().records()
			.forEach(r -> config.put(r.get("name").asString(), r.get("value").asString()));

		// what Browser runs when it connects: absolute URLs (Browser's :play and :style take no relative ones), on the
		// origin its page came from
		assertThat(config).containsEntry("browser.post_connect_cmd", "config \"autoComplete\": false; style " + service
				+ "/browser-extras/style.grass; play " + service + "/browser-extras/guide.html");
		assertThat(config.get("browser.remote_content_hostname_whitelist").split(","))
			.containsExactly("guides.neo4j.com", "localhost", "127.0.0.1");
	}

	@Test
	void theStyleAndTheGuideAreServedToAnalysts() {
		HttpResponse<String> style = get("/browser-extras/style.grass", "*/*");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		assertThat(style.body())
			// customers by id: the graph view must not show names (Browser would pick the property `name` by itself)
			.containsPattern("node\\.Customer \\{[^}]*caption: \"\\{id\\}\";")
			.containsPattern("node\\.Tag \\{[^}]*caption: \"\\{code\\} \\{nameZh\\}\";")
			.containsPattern("node\\.Segment \\{[^}]*caption: \"\\{dimension\\} \\{level\\}\";")
			.doesNotContain("{phone}")
			// Browser's grass parser takes everything outside braces for a selector: no comments
			.doesNotContain("/*", "//");

		HttpResponse<String> guide = get("/browser-extras/guide.html", "*/*");
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("<slide", "Read the published run", "(:Publication {name: 'current'})-[:PUBLISHES]-&gt;")
			.doesNotContain("<script", "src=", "http://", "https://");

		assertThat(Http.as(this.port, "marketing").get("/browser-extras/guide.html", "*/*").statusCode()).isEqualTo(403);
		assertThat(Http.anonymous(this.port).get("/browser-extras/style.grass", "*/*").statusCode()).isEqualTo(401);
	}

	@Test
	void aUserWhoCameInByAnotherNameIsSentToTheServicesAddress() throws Exception {
		// localhost and 127.0.0.1 are different origins to a web browser: Browser's page must come from the address it
		// fetches the style and guide from, so that its sign-in goes with those requests
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/browser"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("analyst:analyst".getBytes()))
			.GET().build();
		HttpResponse<String> response;
		try (var client = java.net.http.HttpClient.newHttpClient()) {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
			.startsWith("http://127.0.0.1:" + this.port + "/browser/?dbms=").endsWith("&preselectAuthMethod=NO_AUTH"));
		assertThat(get("/browser", "text/html").headers().firstValue("Location")).as("already there")
			.hasValueSatisfying(location -> assertThat(location.replace("http://127.0.0.1:" + this.port, "")).startsWith("/browser/?dbms="));
	}

	@Test
	void discoveryDocumentNamesTheBoltUrl() throws Exception {
		HttpResponse<String> response = get("/", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"bolt_direct\":\"" + this.neo4j.boltUri() + "\"");
	}

	@Test
	void graphQlEndpointAndGraphiQlAreServedOverHttp() throws Exception {
		HttpResponse<String> graphQl = Http.as(this.port, "marketing").graphQl("{ customers(first: 1) { pageInfo { hasPreviousPage } } }");
		assertThat(graphQl.statusCode()).isEqualTo(200);
		assertThat(graphQl.body()).isEqualTo("{\"data\":{\"customers\":{\"pageInfo\":{\"hasPreviousPage\":false}}}}");

		assertThat(get("/graphiql/", "text/html").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health", "application/json").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void anonymousCallersGetTheHealthOnlyNotBrowserNorGraphiQl() {
		Http anonymous = Http.anonymous(this.port);
		assertThat(anonymous.get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
		for (String path : new String[] { "/browser/", "/graphiql", "/graphiql/", "/" }) {
			var response = anonymous.get(path, "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		}
	}

	/** As an analyst: Browser and GraphiQL are for signed-in users. */
	private HttpResponse<String> get(String path, String accept) {
		return Http.as(this.port, "analyst").get(path, accept);
	}

}
