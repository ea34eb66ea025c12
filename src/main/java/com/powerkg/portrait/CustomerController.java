package com.powerkg.portrait;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.powerkg.api.Connection;
import com.powerkg.security.Caller;
import com.powerkg.security.PersonalDataMasking;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Customer portrait queries. Thin: Cypher lives in {@link CustomerQueries}; pages are Relay connections with
 * opaque keyset cursors on the customer id, so a page costs the same however deep it is.
 */
@Controller
class CustomerController {

	private final CustomerQueries queries;

	CustomerController(CustomerQueries queries) {
		this.queries = queries;
	}

	/** The customer and the published run in one round-trip; the portrait's parts then take one more. */
	@QueryMapping
	Optional<CustomerProfile> customer(@Argument String id, GraphQLContext context) {
		return this.queries.byIdWithPublication(id).map(found -> {
			PublishedRun.seed(context, found.publication());
			return found.customer();
		});
	}

	@QueryMapping
	Connection<CustomerProfile> customers(@Argument CustomerFilter filter, @Argument Integer first,
			@Argument String after, GraphQLContext context) {
		int size = Connection.pageSize(first, "page through larger sets with after");
		if (filter != null && filter.segments() != null) {
			filter.segments().forEach(CustomerFilter.SegmentCondition::requireLevelOfDimension);
		}
		String afterId = Connection.Cursor.decode(after);
		String runId = PublishedRun.idFor(context, this.queries::publication);
		String creditRunId = PublishedRun.creditRunIdFor(context, this.queries::publication);
		List<CustomerProfile> rows = this.queries.page(filter != null ? filter : CustomerFilter.NONE, afterId, size + 1, runId,
				creditRunId);
		return Connection.of(rows, size, afterId != null, CustomerProfile::id);
	}

	/** Masked unless the caller may read personal data (ADMIN or the PERSONAL_DATA grant). */
	@SchemaMapping(typeName = "Customer")
	String name(CustomerProfile customer, GraphQLContext context) {
		return mayReadPersonalData(context) ? customer.name() : PersonalDataMasking.maskName(customer.name());
	}

	@SchemaMapping(typeName = "Customer")
	String phone(CustomerProfile customer, GraphQLContext context) {
		return mayReadPersonalData(context) ? customer.phone() : PersonalDataMasking.maskPhone(customer.phone());
	}

	private static boolean mayReadPersonalData(GraphQLContext context) {
		Caller caller = context.get(Caller.CONTEXT_KEY);
		return caller != null && caller.mayReadPersonalData();
	}

	@SchemaMapping(typeName = "Customer")
	CompletableFuture<List<ChannelUsage>> channels(CustomerProfile customer, DataLoader<PortraitParts.Key, Object> portraitParts) {
		return PortraitParts.of(portraitParts, customer, PortraitParts.Part.CHANNELS);
	}

}
