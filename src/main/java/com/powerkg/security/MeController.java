package com.powerkg.security;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Tells a client who it is signed in as, so an app can show or hide what the roles allow. */
@Controller
class MeController {

	@QueryMapping
	Map<String, Object> me(GraphQLContext context) {
		Caller caller = context.get(Caller.CONTEXT_KEY);
		return Map.of("name", caller.name(), "roles", List.copyOf(caller.roles()), "personalDataVisible",
				caller.mayReadPersonalData());
	}

}
