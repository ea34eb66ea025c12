package com.powerkg.browser;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the static Neo4j Browser shipped in {@code org.neo4j.client:neo4j-browser} (files under
 * {@code browser/} in that jar) at {@code /browser/} for analysts. Browser talks Bolt over WebSocket straight
 * to the database; {@link BrowserEntryPoint} tells it where the database is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "powerkg.browser.enabled", matchIfMissing = true)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
	}

}
