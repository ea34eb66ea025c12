package com.powerkg.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands rows loaded for a batch of customers back to each customer, as {@code @BatchMapping} expects. */
final class PerCustomer {

	private PerCustomer() {
	}

	static <T> Map<CustomerProfile, List<T>> of(List<CustomerProfile> customers, Map<String, List<T>> byId) {
		Map<CustomerProfile, List<T>> result = new LinkedHashMap<>();
		customers.forEach(customer -> result.put(customer, byId.getOrDefault(customer.id(), List.of())));
		return result;
	}

}
