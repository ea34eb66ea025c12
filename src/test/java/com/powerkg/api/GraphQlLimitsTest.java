package com.powerkg.api;

import java.util.List;

import com.powerkg.GraphTest;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Depth, complexity and page-size limits refuse a query before it runs, with a message that says what to do. */
@GraphTest
class GraphQlLimitsTest {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	List<WebGraphQlInterceptor> interceptors;

	/** Every request over HTTP gets the deadline a plan gives up by (RequestDeadlineTest, PlanTimeLimitTest). */
	@Test
	void everyRequestOverHttpGetsItsDeadline() {
		assertThat(this.interceptors).hasAtLeastOneElementOfType(RequestDeadline.class);
	}

	@Test
	void aPageOfAHundredThousandIsRefusedNamingTheCap() {
		this.graphQl.document("{ customers(first: 100000) { edges { cursor } } }")
			.execute()
			.errors().expect(e -> e.getMessage().equals(
					"first must be between 1 and 500 (was 100000); page through larger sets with after"))
			.verify();
	}

	@Test
	void aQueryDeeperThanTheLimitIsRefused() {
		String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(14) + "{ name }" + " }".repeat(14) + " } } } }";

		this.graphQl.document(deep)
			.execute()
			.errors().expect(e -> e.getMessage().startsWith("The query is ") && e.getMessage().contains("at most 15 are allowed"))
			.verify();
	}

	@Test
	void graphiQlsSchemaIntrospectionStaysWithinTheLimits() {
		this.graphQl.document(IntrospectionQuery.INTROSPECTION_QUERY)
			.execute()
			.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
	}

	@Test
	void aQueryTooExpensiveAsAWholeIsRefusedEvenWithAllowedPages() {
		String page = "customers(first: 500) { edges { node { id name phone region tags { code evidence } segments { dimension level } "
				+ "credit { grade score reasons } channels { channel payments } } } }";
		String query = "{ a: " + page + " b: " + page + " c: " + page + " }";

		this.graphQl.document(query)
			.execute()
			.errors().expect(e -> e.getMessage().startsWith("The query's complexity is ")
					&& e.getMessage().contains("at most 20000 is allowed"))
			.verify();
	}

	@Test
	void theComplexityOfAPageIsItsSizeTimesWhatItAsksForCappedAtTheLargestPage() {
		assertThat(GraphQlLimits.PAGES_MULTIPLY.calculate(environment(500), 9)).isEqualTo(5000);
		assertThat(GraphQlLimits.PAGES_MULTIPLY.calculate(environment(100_000), 9)).isEqualTo(5000);
		assertThat(GraphQlLimits.PAGES_MULTIPLY.calculate(environment(null), 9)).as("not a page").isEqualTo(10);
		var customers = graphql.schema.GraphQLFieldDefinition.newFieldDefinition().name("customers")
			.argument(graphql.schema.GraphQLArgument.newArgument().name("first").type(graphql.Scalars.GraphQLInt))
			.type(graphql.Scalars.GraphQLString).build();
		assertThat(GraphQlLimits.PAGES_MULTIPLY.calculate(new graphql.analysis.FieldComplexityEnvironment(null, customers, null,
				new java.util.HashMap<>(), null), 9)).as("a page without first is a default page of 20").isEqualTo(200);
	}

	@Test
	void aRequestStillRunningAfterTheTimeoutIsAnsweredWithRequestTimeout() {
		var settings = new GraphQlLimits.Settings(null, null, java.time.Duration.ofMillis(50));
		var interceptor = new GraphQlLimits().requestTimeout(settings);
		var request = new org.springframework.graphql.server.WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"),
				new org.springframework.http.HttpHeaders(), null, null, java.util.Map.of(),
				java.util.Map.of("query", "{ me { name } }"), "1", null);

		var answer = interceptor.intercept(request, r -> reactor.core.publisher.Mono.never());

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> answer.block(java.time.Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(org.springframework.web.server.ResponseStatusException.class,
					ex -> assertThat(ex.getStatusCode().value()).isEqualTo(408));
		assertThat(new GraphQlLimits.Settings(null, null, null).timeout()).hasSeconds(30);
	}

	private static graphql.analysis.FieldComplexityEnvironment environment(Integer first) {
		java.util.Map<String, Object> arguments = new java.util.HashMap<>();
		arguments.put("first", first);
		return new graphql.analysis.FieldComplexityEnvironment(null, null, null, arguments, null);
	}

	@Autowired
	ParsedDocuments parsedDocuments;

	@Test
	void theSameQueryTextIsParsedAndValidatedOnceWhateverItsVariables() {
		String query = "query($id: ID!) { customer(id: $id) { id region } } # " + java.util.UUID.randomUUID();
		long before = this.parsedDocuments.parsed();

		for (String id : java.util.List.of("R001", "R002", "NOPE")) {
			this.graphQl.document(query).variable("id", id).execute();
		}

		assertThat(this.parsedDocuments.parsed() - before).isEqualTo(1);
	}

}
