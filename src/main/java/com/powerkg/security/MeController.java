package com.powerkg.security;

import java.util.List;

import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Tells a client who it is signed in as, so an app can show or hide what the roles allow. */
@Controller
class MeController {

	record Me(String name, List<Role> roles, boolean personalDataVisible) {
	}

	@QueryMapping
	Me me(GraphQLContext context) {
		Caller caller = context.get(Caller.CONTEXT_KEY);
		return new Me(caller.name(), caller.roles().stream().sorted().toList(), caller.mayReadPersonalData());
	}

}
