package com.powerkg.graphiql;

import java.net.http.HttpResponse;

import com.powerkg.GraphTest;
import com.powerkg.Http;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL's page and files come from the jar, to signed-in users; the real-browser test runs it. */
@GraphTest
class GraphiqlPageTest {

	@LocalServerPort
	int port;

	@Test
	void graphiqlRedirectsToItsPageWhichNamesNothingOutsideItsOrigin() {
		Http marketing = Http.as(this.port, "marketing");

		HttpResponse<String> entry = marketing.get("/graphiql", "text/html");
		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/graphiql/"));

		HttpResponse<String> page = marketing.get("/graphiql/", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script type=\"module\" src=\"graphiql.js\"></script>", "href=\"graphiql.css\"")
			.doesNotContainPattern("(?i)(https?:)?//[a-z0-9]");
	}

	@Test
	void itsScriptsStylesWorkersAndLicencesAreServed() {
		Http marketing = Http.as(this.port, "marketing");
		for (String file : new String[] { "graphiql.js", "workers/editor.worker.js", "workers/json.worker.js", "workers/graphql.worker.js" }) {
			HttpResponse<String> response = marketing.get("/graphiql/" + file, "*/*");
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(file).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
		}
		assertThat(marketing.get("/graphiql/graphiql.css", "text/css").headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(marketing.get("/graphiql/THIRD-PARTY-LICENSES.txt", "text/plain").body()).contains("graphiql@", "react@", "monaco-editor@");
	}

	@Test
	void anonymousCallersGetNeitherThePageNorItsFiles() {
		Http anonymous = Http.anonymous(this.port);
		for (String path : new String[] { "/graphiql", "/graphiql/", "/graphiql/index.html", "/graphiql/graphiql.js" }) {
			var response = anonymous.get(path, "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		}
	}

}
