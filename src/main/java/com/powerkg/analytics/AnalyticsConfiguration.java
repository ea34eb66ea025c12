package com.powerkg.analytics;

import com.powerkg.run.RunSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the run records ({@code run/}) what they need of the analytics settings. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	@Bean
	RunSettings runSettings(AnalyticsProperties properties) {
		return properties.runs();
	}

}
