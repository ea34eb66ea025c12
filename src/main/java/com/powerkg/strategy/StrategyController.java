package com.powerkg.strategy;

import java.util.List;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.portrait.CustomerFilter;
import com.powerkg.portrait.CustomerQueries;
import com.powerkg.portrait.PublishedRun;
import com.powerkg.security.Caller;
import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** "Which strategy applies" for a customer or a profile, the catalogue, and a steward's switch. */
@Controller
class StrategyController {

	private final StrategyQueries strategies;

	private final CustomerQueries customers;

	StrategyController(StrategyQueries strategies, CustomerQueries customers) {
		this.strategies = strategies;
		this.customers = customers;
	}

	@QueryMapping
	List<StrategyMatch> strategies(@Argument String customerId, @Argument Aspect aspect, GraphQLContext context) {
		String runId = PublishedRun.idFor(context, this.customers::publication);
		String creditRunId = PublishedRun.creditRunIdFor(context, this.customers::publication);
		List<StrategyMatch> matches = this.strategies.forCustomer(customerId, aspect, runId, creditRunId);
		// every customer has the standard strategies, so an empty answer is rare: only then ask whether the id exists
		if (matches.isEmpty() && this.customers.byId(customerId).isEmpty()) {
			throw new InvalidArgumentException("no customer has id '" + customerId + "'");
		}
		return matches;
	}

	@QueryMapping
	List<StrategyMatch> strategiesFor(@Argument StrategyProfile profile, @Argument Aspect aspect) {
		profile.segments().forEach(s -> new CustomerFilter.SegmentCondition(s.dimension(), s.level()).requireLevelOfDimension());
		return this.strategies.forProfile(profile, aspect);
	}

	@QueryMapping
	List<Strategy> strategyCatalogue(@Argument Aspect aspect) {
		return this.strategies.catalogue(aspect);
	}

	@MutationMapping
	Strategy setStrategyEnabled(@Argument String code, @Argument boolean enabled, @Argument String reason,
			GraphQLContext context) {
		String why = InvalidArgumentException.requireReason(reason);
		Caller caller = context.get(Caller.CONTEXT_KEY);
		return this.strategies.setEnabled(code, enabled, why, caller.name())
			.orElseThrow(() -> new InvalidArgumentException("no strategy has code '" + code + "'; see strategyCatalogue"));
	}

}
