package com.powerkg.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.powerkg.Fixtures;
import com.powerkg.GraphTest;
import com.powerkg.Http;
import com.powerkg.ingest.CsvImporter;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user cannot starve the others: a request's fields run at most {@code powerkg.graphql.max-concurrent-fetches} at
 * a time, so 900 aliases of a database field neither drain the connection pool nor fail anybody else's portraits; and
 * a what-if over a segment costs what it does, its customers, so 900 aliases of it over a big segment are refused.
 */
@GraphTest
class FairShareTest {

	@LocalServerPort
	int port;

	@Autowired
	CsvImporter importer;

	@Test
	void nineHundredAliasesBesideThirtyTwoPortraitClientsFailNoPortraitAndRunFourAtATime() throws Exception {
		this.importer.importDirectory(Fixtures.directory("small"));
		var aliases = new StringBuilder("{");
		for (int i = 0; i < 900; i++) {
			aliases.append(" a").append(i).append(": tagTaxonomy { code tags { code } }");
		}
		String flood = aliases.append(" }").toString();
		FetchConcurrency.MOST_IN_USE.set(0);

		ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
		try (clients) {
			CompletableFuture<HttpResponse<String>> abusive = CompletableFuture
				.supplyAsync(() -> Http.as(this.port, "analyst").graphQl(flood), clients);
			AtomicInteger failed = new AtomicInteger();
			List<CompletableFuture<Void>> portraits = new ArrayList<>();
			for (int c = 0; c < 32; c++) {
				portraits.add(CompletableFuture.runAsync(() -> {
					var http = Http.as(this.port, "marketing");
					for (int r = 0; r < 4; r++) {
						var response = http.graphQl("{ customer(id: \"R001\") { id tags { code } segments { level } credit { grade } channels { channel } } }");
						if (response.statusCode() != 200 || response.body().contains("\"errors\"")
								|| !"R001".equals(Http.read(response, "$.data.customer.id"))) {
							failed.incrementAndGet();
						}
					}
				}, clients));
			}
			CompletableFuture.allOf(portraits.toArray(CompletableFuture[]::new)).join();
			HttpResponse<String> answer = abusive.join();

			assertThat(failed).as("portraits that failed beside the alias flood").hasValue(0);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain("\"errors\"");
			List<Object> answered = Http.read(answer, "$.data.*");
			assertThat(answered).hasSize(900);
		}
		assertThat(FetchConcurrency.MOST_IN_USE.get()).as("fields of one request run at once")
			.isBetween(1, new GraphQlLimits.Settings(null, null, null).maxConcurrentFetches());
	}

	@Test
	void aWhatIfOverASegmentCostsItsCustomersSoNineHundredAliasesOfABigSegmentAreRefused() {
		var calculator = GraphQlLimits.costs((dimension, level) -> "ARREARS_RISK".equals(dimension) && "HIGH".equals(level) ? 700 : 0);
		var whatIf = GraphQLFieldDefinition.newFieldDefinition().name("creditWhatIf")
			.argument(GraphQLArgument.newArgument().name("segment").type(graphql.Scalars.GraphQLString))
			.type(graphql.Scalars.GraphQLString).build();
		var field = graphql.language.Field.newField("creditWhatIf").build();
		var overSegment = new FieldComplexityEnvironment(field, whatIf, null,
				Map.of("segment", Map.of("dimension", "ARREARS_RISK", "level", "HIGH")), null);
		var forOneCustomer = new FieldComplexityEnvironment(field, whatIf, null, Map.of("customerId", "C1"), null);

		int one = calculator.calculate(overSegment, 4);
		assertThat(one).as("700 customers at one point per " + GraphQlLimits.WHAT_IF_CUSTOMERS_PER_POINT + ", plus its fields")
			.isEqualTo(74);
		assertThat(calculator.calculate(forOneCustomer, 4)).isEqualTo(5);
		assertThat(900 * one).as("900 aliases").isGreaterThan(new GraphQlLimits.Settings(null, null, null).maxComplexity());
	}

}
