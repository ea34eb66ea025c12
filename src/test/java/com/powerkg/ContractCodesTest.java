package com.powerkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.powerkg.contract.ContractCodes;
import com.powerkg.contract.ValueDimension;
import com.powerkg.tagging.TagCode;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraphQL enums that carry a contract code (or a tag code) hold exactly the constants of the one Java enum for it. */
class ContractCodesTest {

	@Test
	void theGraphQlEnumsOfContractCodesAreTheSharedEnums() throws IOException {
		TypeDefinitionRegistry schema = schema();
		assertThat(values(schema, "UsageCategory")).containsExactlyElementsOf(ContractCodes.names(ContractCodes.UsageCategory.class));
		assertThat(values(schema, "PaymentMode")).containsExactlyElementsOf(ContractCodes.names(ContractCodes.PaymentMode.class));
		assertThat(values(schema, "Importance")).containsExactlyElementsOf(ContractCodes.names(ContractCodes.Importance.class));
		assertThat(values(schema, "SocialCredit")).containsExactlyElementsOf(ContractCodes.names(ContractCodes.SocialCredit.class));
		assertThat(values(schema, "ContactMethod")).containsExactlyElementsOf(ContractCodes.names(ContractCodes.ContactMethod.class));
		assertThat(values(schema, "DunningResponse"))
			.containsExactlyElementsOf(ContractCodes.names(ContractCodes.DunningResponse.class));
		// GraphQL has one Channel for where customers pay and where they call: both code lists, nothing else
		Set<String> channels = new LinkedHashSet<>(ContractCodes.names(ContractCodes.PaymentChannel.class));
		channels.addAll(ContractCodes.names(ContractCodes.WorkOrderChannel.class));
		assertThat(values(schema, "Channel")).containsExactlyInAnyOrderElementsOf(channels);
		assertThat(values(schema, "Dimension")).containsExactlyElementsOf(ContractCodes.names(ValueDimension.class));
	}

	@Test
	void theGraphQlTagCodesAreTheTagRulesCodes() throws IOException {
		// the taxonomy in the graph is checked against TagCode when a run starts (TaggingStage.loadParameters)
		assertThat(values(schema(), "TagCode")).containsExactlyElementsOf(ContractCodes.names(TagCode.class));
	}

	private static TypeDefinitionRegistry schema() throws IOException {
		TypeDefinitionRegistry schema = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				schema.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		return schema;
	}

	private static List<String> values(TypeDefinitionRegistry schema, String enumName) {
		return schema.getType(enumName, EnumTypeDefinition.class)
			.orElseThrow(() -> new AssertionError("no GraphQL enum " + enumName))
			.getEnumValueDefinitions()
			.stream()
			.map(EnumValueDefinition::getName)
			.toList();
	}

}
