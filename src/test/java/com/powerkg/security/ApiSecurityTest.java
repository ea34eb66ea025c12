package com.powerkg.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.Http;
import com.powerkg.ingest.CsvImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain over real HTTP: Basic sign-in with the documented local users of application.yaml (password =
 * name), the schema's @access roles, and masking by role.
 */
@GraphTest
class ApiSecurityTest {

	static final String PORTRAIT = "{ customer(id: \"B001\") { id name phone } }";

	@LocalServerPort
	int port;

	@Autowired
	CsvImporter importer;

	@BeforeEach
	void smallFixtureIsImported() {
		this.importer.importDirectory(Fixtures.directory("small"));
	}

	@Test
	void anonymousGraphQlIsUnauthorizedAndHealthIsOpen() {
		HttpResponse<String> response = Http.anonymous(this.port).graphQl(PORTRAIT);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("B001");
		assertThat(Http.anonymous(this.port).get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsUnauthorized() {
		assertThat(Http.as(this.port, "admin", "admin1").graphQl(PORTRAIT).statusCode()).isEqualTo(401);
		assertThat(Http.as(this.port, "mallory").graphQl(PORTRAIT).statusCode()).isEqualTo(401);
		assertThat(Http.as(this.port, "admin").graphQl(PORTRAIT).statusCode()).isEqualTo(200);
	}

	@Test
	void aFloodOfWrongPasswordsIsAnsweredTooManyRequestsWhileASignedInUserGoesOn() {
		assertThat(Http.as(this.port, "marketing").graphQl(PORTRAIT).statusCode()).as("signed in before the flood").isEqualTo(200);
		var flooder = Http.as(this.port, "flooder", "guess");
		for (int i = 0; i < 5; i++) {
			assertThat(flooder.graphQl(PORTRAIT).statusCode()).as("failure " + (i + 1)).isEqualTo(401);
		}

		var refused = flooder.graphQl(PORTRAIT);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
		assertThat(Http.as(this.port, "marketing").graphQl(PORTRAIT).statusCode()).as("remembered: no password check").isEqualTo(200);
	}

	@Test
	void neo4jBrowserIsForAnalystsAndAdminsOnly() {
		assertThat(Http.as(this.port, "marketing").get("/browser/", "text/html").statusCode()).isEqualTo(403);
		assertThat(Http.as(this.port, "steward").get("/browser/", "text/html").statusCode()).isEqualTo(403);
		assertThat(Http.as(this.port, "analyst").get("/browser/", "text/html").statusCode()).as("redirected to the pre-filled page").isEqualTo(302);
	}

	@Test
	void aUserWithoutTheRoleGetsAPageSayingWhoMayUseBrowserAndHowToGetIt() {
		for (String path : List.of("/browser", "/browser/", "/browser/?dbms=bolt://127.0.0.1:7687")) {
			HttpResponse<String> page = Http.as(this.port, "marketing").get(path,
					"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).as(path)
				.contains("<title>Neo4j Browser is for analysts and administrators</title>")
				.contains("signed in as <strong>marketing</strong> with the roles <strong>MARKETING</strong>")
				.contains("whole database", "unmasked", "<code>ANALYST</code>", "<code>ADMIN</code>")
				.contains("<code>powerkg.security.users</code>", "README, section Security")
				.contains("href=\"/graphiql/\"")
				.doesNotContain("Whitelabel");
			// plain HTML and CSS: nothing is loaded, from the internet or at all
			assertThat(page.body()).as(path).doesNotContain("<script", "<link", "src=", "url(", "@import", "http://", "https://");
		}
		HttpResponse<String> steward = Http.as(this.port, "steward").get("/browser/", "text/html");
		assertThat(steward.statusCode()).isEqualTo(403);
		assertThat(steward.body()).contains("<strong>steward</strong> with the roles <strong>STEWARD</strong>");
	}

	@Test
	void aClientNotAskingForAPageGetsTheReasonAsShortTextAndOtherRefusalsStayAsTheyAre() {
		for (String accept : List.of("application/json", "*/*")) {
			HttpResponse<String> text = Http.as(this.port, "marketing").get("/browser/", accept);
			assertThat(text.statusCode()).as(accept).isEqualTo(403);
			assertThat(text.headers().firstValue("Content-Type")).as(accept).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
			assertThat(text.body()).as(accept).startsWith("Neo4j Browser is for the roles ANALYST and ADMIN")
				.contains("powerkg.security.users", "/graphiql").hasLineCount(1);
		}
		HttpResponse<String> graphQl = Http.as(this.port, "marketing")
			.graphQl("mutation { setStrategyEnabled(code: \"DF_EXCITEMENT_NEED\", enabled: false, reason: \"try\") { code } }");
		assertThat(graphQl.statusCode()).as("GraphQL refuses inside its answer").isEqualTo(200);
		assertThat((String) Http.read(graphQl, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		assertThat(graphQl.body()).doesNotContain("Neo4j Browser");
	}

	@Test
	void anAnalystMayAskCreditWhatIfOverASegmentButNotAboutOneCustomer() {
		HttpResponse<String> one = Http.as(this.port, "analyst").graphQl(
				"{ creditWhatIf(customerId: \"B001\", indicator: {indicator: DELINQUENT_MONTHS, by: 1}) { scoreAfter } }");
		assertThat((String) Http.read(one, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		assertThat((String) Http.read(one, "$.errors[0].message")).startsWith("creditWhatIf for one customer needs role MARKETING");
	}

	@Test
	void whyARunFailedIsForAnalystsAndAdmins() {
		HttpResponse<String> marketing = Http.as(this.port, "marketing").graphQl("{ analyticsRuns(last: 1) { id message } }");
		if (!((List<?>) Http.read(marketing, "$.data.analyticsRuns")).isEmpty()) {
			assertThat((String) Http.read(marketing, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		}
		HttpResponse<String> analyst = Http.as(this.port, "analyst").graphQl("{ analyticsRuns(last: 1) { id message } }");
		assertThat(analyst.body()).doesNotContain("\"errors\"");
	}

	@Test
	void marketingSeesMaskedPersonalDataAdminAndTheCallCentreSeeItInFull() {
		HttpResponse<String> marketing = Http.as(this.port, "marketing").graphQl(PORTRAIT);
		assertThat(marketing.statusCode()).isEqualTo(200);
		assertThat((String) Http.read(marketing, "$.data.customer.phone")).isEqualTo("137****1111");
		assertThat((String) Http.read(marketing, "$.data.customer.name")).startsWith("城东").contains("*");

		for (String user : List.of("admin", "callcentre")) {
			HttpResponse<String> full = Http.as(this.port, user).graphQl(PORTRAIT);
			assertThat((String) Http.read(full, "$.data.customer.phone")).as(user).isEqualTo("13700001111");
			assertThat((String) Http.read(full, "$.data.customer.name")).as(user).doesNotContain("*");
		}
	}

	@Test
	void anAnalystReadsAggregatesButNotIndividualCustomers() {
		Http analyst = Http.as(this.port, "analyst");

		HttpResponse<String> customer = analyst.graphQl(PORTRAIT);
		assertThat(customer.statusCode()).isEqualTo(200);
		assertThat((Object) Http.read(customer, "$.data.customer")).isNull();
		assertThat((String) Http.read(customer, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		assertThat((String) Http.read(customer, "$.errors[0].message"))
			.isEqualTo("Query.customer needs role MARKETING (or ADMIN); analyst (ANALYST) has none of them");

		HttpResponse<String> segments = analyst.graphQl("{ segments(dimension: ARREARS_RISK) { level } tagTaxonomy { code } }");
		assertThat((List<?>) Http.read(segments, "$.data.tagTaxonomy")).isNotEmpty();
		assertThat(segments.body()).doesNotContain("\"errors\"");
	}

	@Test
	void onlyStewardsSwitchStrategiesAndTheirNameIsRecorded() {
		String pause = "mutation { setStrategyEnabled(code: \"DF_EXCITEMENT_NEED\", enabled: %s, reason: \"%s\") { code enabled } }";

		HttpResponse<String> marketing = Http.as(this.port, "marketing").graphQl(pause.formatted(false, "try"));
		assertThat((String) Http.read(marketing, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");

		Http steward = Http.as(this.port, "steward");
		assertThat((Boolean) Http.read(steward.graphQl(pause.formatted(false, "campaign freeze")), "$.data.setStrategyEnabled.enabled"))
			.isFalse();
		assertThat((Boolean) Http.read(steward.graphQl(pause.formatted(true, "freeze over")), "$.data.setStrategyEnabled.enabled"))
			.isTrue();
		HttpResponse<String> blank = steward.graphQl(pause.formatted(false, " "));
		assertThat((String) Http.read(blank, "$.errors[0].message")).startsWith("give a reason");
	}

	@Test
	void meTellsTheSignedInUserAndRoles() {
		HttpResponse<String> me = Http.as(this.port, "callcentre").graphQl("{ me { name roles personalDataVisible } }");

		assertThat((Map<String, Object>) Http.read(me, "$.data.me")).containsEntry("name", "callcentre")
			.containsEntry("roles", List.of("MARKETING", "PERSONAL_DATA"))
			.containsEntry("personalDataVisible", true);
	}

	@Test
	void onlyAdminsAreAllowedEverywhereAStewardCannotReadCustomers() {
		HttpResponse<String> steward = Http.as(this.port, "steward").graphQl(PORTRAIT);
		assertThat((String) Http.read(steward, "$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		HttpResponse<String> admin = Http.as(this.port, "admin").graphQl(
				"{ customer(id: \"B001\") { id } strategyCatalogue(aspect: COLLECTION) { code } segments { level } }");
		assertThat(admin.body()).doesNotContain("\"errors\"");
	}

}
