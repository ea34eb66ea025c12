package com.powerkg.api;

import java.util.ArrayList;
import java.util.List;

import com.powerkg.GraphTest;
import com.powerkg.security.AccessInstrumentation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files and the controllers agree, and nothing is readable without a role. */
@GraphTest
class SchemaContractTest {

	@Autowired
	SchemaInspection inspection;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void schemaInspectionFindsNoUnmappedFieldsArgumentsOrRegistrations() {
		SchemaReport report = this.inspection.report();

		assertThat(report).as("the inspection ran when the schema was built").isNotNull();
		assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
		assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
		assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
		assertThat(report.skippedTypes()).as(report.toString()).isEmpty();
	}

	@Test
	void everyRootFieldSaysWhichRolesMayUseIt() {
		List<String> open = new ArrayList<>();
		for (GraphQLObjectType root : List.of(this.graphQlSource.schema().getQueryType(), this.graphQlSource.schema().getMutationType())) {
			for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
				if (AccessInstrumentation.allowedRoles(field) == null || AccessInstrumentation.allowedRoles(field).isEmpty()) {
					open.add(root.getName() + "." + field.getName());
				}
			}
		}
		assertThat(open).isEmpty();
	}

	@Test
	void thePublicContractOfSpec8IsInTheSchema() {
		var query = this.graphQlSource.schema().getQueryType();
		assertThat(query.getFieldDefinitions()).extracting(GraphQLFieldDefinition::getName)
			.contains("customer", "customers", "strategies", "collectionPlan", "segments", "tagTaxonomy", "analyticsRuns");
		assertThat(this.graphQlSource.schema().getType("StrategyMatch")).isNotNull();
	}

}
