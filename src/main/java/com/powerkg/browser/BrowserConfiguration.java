package com.powerkg.browser;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the static Neo4j Browser shipped in {@code org.neo4j.client:neo4j-browser} (files under
 * {@code browser/} in that jar) at {@code /browser/} for analysts, and the service's style and guide for it at
 * {@code /browser-extras/} ({@code src/main/resources/browser-extras/}, see {@link BrowserExtras}). Browser talks
 * Bolt over WebSocket straight to the database; {@link BrowserEntryPoint} tells it where the database is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "powerkg.browser.enabled", matchIfMissing = true)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
		registry.addResourceHandler("/browser-extras/**").addResourceLocations("classpath:/browser-extras/");
	}

	/** Browser's grass (its {@code :style} format, CSS-like text) is served as text. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> grassIsText() {
		return factory -> factory.addMimeMappings(new MimeMappings(Map.of("grass", "text/plain;charset=utf-8")));
	}

}
