package com.powerkg.browser;

import java.net.http.HttpResponse;

import com.powerkg.GraphTest;
import com.powerkg.Http;
import com.powerkg.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

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
