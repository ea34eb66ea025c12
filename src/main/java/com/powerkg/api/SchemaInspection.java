package com.powerkg.api;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring for GraphQL's schema inspection report (fields without a resolver, resolvers without a field,
 * arguments nobody reads), logs it when it finds something, and lets a test assert that it finds nothing.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

	private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

	private final AtomicReference<SchemaReport> report = new AtomicReference<>();

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.inspectSchemaMappings(report -> {
			this.report.set(report);
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
					|| !report.unmappedArguments().isEmpty() || !report.skippedTypes().isEmpty()) {
				log.warn("{}", report);
			}
		});
	}

	/** The report of the schema the service runs with; null before the schema is built. */
	public SchemaReport report() {
		return this.report.get();
	}

}
