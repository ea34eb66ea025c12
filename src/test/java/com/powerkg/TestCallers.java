package com.powerkg;

import com.powerkg.security.Caller;
import com.powerkg.security.Role;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The GraphQL tester of {@link GraphTest} runs behind the HTTP security chain, so it brings its own caller: a
 * MARKETING user, as most apps are. {@link #as} gives a tester for another caller; the security chain itself is
 * tested over HTTP (ApiSecurityTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCallers {

	public static final Caller MARKETING = Caller.of("marketing-test", Role.MARKETING);

	@Bean
	@Primary
	ExecutionGraphQlServiceTester marketingTester(ExecutionGraphQlService service) {
		return withCaller(ExecutionGraphQlServiceTester.builder(service), MARKETING).build();
	}

	/** The same tester, signed in as {@code caller}. */
	public static GraphQlTester as(GraphQlTester tester, Caller caller) {
		return withCaller(((ExecutionGraphQlServiceTester) tester).mutate(), caller).build();
	}

	private static ExecutionGraphQlServiceTester.Builder<?> withCaller(ExecutionGraphQlServiceTester.Builder<?> builder,
			Caller caller) {
		return builder.configureExecutionInput((input, inputBuilder) -> inputBuilder
			.graphQLContext(context -> context.put(Caller.CONTEXT_KEY, caller))
			.build());
	}

}
