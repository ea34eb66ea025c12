package com.powerkg.graphiql;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GraphiQL at {@code /graphiql} from the jar, so that it works on a network without internet: the page, its
 * scripts, stylesheet, fonts and editor workers are static files under {@code static/graphiql/}, bundled from npm by
 * {@code src/main/graphiql/build.sh} and committed. (Spring for GraphQL's own GraphiQL page loads all of that from a
 * CDN, so it is switched off: {@code spring.graphql.graphiql.enabled=false}.) The page queries {@code /graphql} on its
 * own origin with the browser's sign-in; like everything but the health endpoint it needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		// the page's files are relative to it, so it lives at /graphiql/
		registry.addRedirectViewController("/graphiql", "/graphiql/").setKeepQueryParams(true);
		registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
	}

}
