package com.powerkg.api;

import java.util.Map;

import com.powerkg.run.RunRefusedException;
import com.powerkg.security.AccessRefusedException;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Domain errors of every controller as typed GraphQL errors with the message a client developer can act on. */
@ControllerAdvice
class GraphQlErrors {

	@GraphQlExceptionHandler
	GraphQLError accessRefused(AccessRefusedException ex, DataFetchingEnvironment env) {
		return error(ErrorType.FORBIDDEN, ex.getMessage(), Map.of(), env);
	}

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentException ex, DataFetchingEnvironment env) {
		return error(ErrorType.BAD_REQUEST, ex.getMessage(), Map.of(), env);
	}

	/** Another analytics run is active: try again later ({@code extensions.reason = RUN_ACTIVE}). */
	@GraphQlExceptionHandler
	GraphQLError runRefused(RunRefusedException ex, DataFetchingEnvironment env) {
		return error(ErrorType.BAD_REQUEST, ex.getMessage(), Map.of("reason", "RUN_ACTIVE"), env);
	}

	private static GraphQLError error(ErrorType type, String message, Map<String, Object> extensions,
			DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(type)
			.message(message)
			.extensions(extensions)
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

}
