package com.powerkg.collection;

import java.time.LocalDateTime;

import com.powerkg.api.InvalidArgumentException;
import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.security.Caller;
import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Records dunning contact results; they feed the tags of the next analytics run, audited with the signed-in user. */
@Controller
class DunningContactController {

	private final DunningContacts contacts;

	DunningContactController(DunningContacts contacts) {
		this.contacts = contacts;
	}

	record DunningContactInput(String customerId, String billId, LocalDateTime contactedAt, int round, ContactMethod method,
			boolean reached, String response) {
	}

	@MutationMapping
	DunningContacts.Recorded recordDunningContact(@Argument DunningContactInput input, GraphQLContext context) {
		Caller caller = context.get(Caller.CONTEXT_KEY);
		try {
			return this.contacts.record(new DunningContacts.Contact(input.customerId(), input.billId(), input.contactedAt(),
					input.round(), input.method(), input.reached(), input.response()), caller.name());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException(ex.getMessage());
		}
	}

}
