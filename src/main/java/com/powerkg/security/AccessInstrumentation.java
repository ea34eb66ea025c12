package com.powerkg.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Enforces the schema's {@code @access(roles: [...])} directive: a field that carries it resolves only for a caller
 * with one of the roles (or ADMIN); anybody else gets a FORBIDDEN error naming the roles, and no data. Every root
 * field carries the directive (a test checks it), so nothing is readable by default. Requests without a caller
 * (not through the authenticated HTTP endpoint) get UNAUTHORIZED.
 */
@Component
public class AccessInstrumentation extends SimplePerformantInstrumentation {

	/** The directive's name in the schema (graphql/security.graphqls). */
	public static final String DIRECTIVE = "access";

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
		Set<Role> allowed = allowedRoles(field);
		if (allowed == null) {
			return dataFetcher;
		}
		return env -> {
			Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
			if (caller == null) {
				return refused(env, ErrorType.UNAUTHORIZED, "sign in to read " + coordinates(env));
			}
			if (!caller.hasAny(allowed)) {
				return refused(env, ErrorType.FORBIDDEN, AccessRefusedException.message(coordinates(env), allowed, caller));
			}
			return dataFetcher.get(env);
		};
	}

	/** The roles of the field's {@code @access} directive, or null when it has none. */
	public static Set<Role> allowedRoles(GraphQLFieldDefinition field) {
		GraphQLAppliedDirective directive = field.getAppliedDirective(DIRECTIVE);
		if (directive == null) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object value = directive.getArgument("roles").getValue();
		if (value instanceof Collection<?> names) {
			names.forEach(name -> roles.add(Role.valueOf(String.valueOf(name))));
		}
		return roles;
	}

	private static String coordinates(DataFetchingEnvironment env) {
		return env.getParentType() instanceof GraphQLNamedType type
				? type.getName() + "." + env.getField().getName() : env.getField().getName();
	}

	private static DataFetcherResult<Object> refused(DataFetchingEnvironment env, ErrorType type, String message) {
		return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).errorType(type).message(message).build())
			.build();
	}

}
