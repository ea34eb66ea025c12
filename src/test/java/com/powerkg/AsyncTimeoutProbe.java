package com.powerkg;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the time limit the servlet container really gave the last asynchronous request (a GraphQL request over
 * HTTP is one), as the container will apply it: Spring's settings for it can be replaced on the way, so a test reads
 * it here rather than from a setting (GraphQlLimitsTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class AsyncTimeoutProbe {

	/** The async timeout of the last asynchronous request, in ms (-1 while there was none). */
	public static final AtomicLong LAST = new AtomicLong(-1);

	@Bean
	OncePerRequestFilter asyncTimeoutProbe() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				chain.doFilter(request, response);
				if (request.isAsyncStarted()) {
					LAST.set(request.getAsyncContext().getTimeout());
				}
			}
		};
	}

}
