package com.powerkg.security;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Hands the signed-in user to GraphQL: the HTTP security chain has authenticated the request on this thread; the
 * caller travels on in the GraphQL context, where {@link AccessInstrumentation} and the masking read it.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			Caller caller = Caller.from(authentication);
			request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(context -> context.put(Caller.CONTEXT_KEY, caller))
				.build());
		}
		return chain.next(request);
	}

}
