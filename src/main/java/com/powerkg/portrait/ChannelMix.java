package com.powerkg.portrait;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.powerkg.history.CustomerHistory;

/**
 * A customer's payment channels as of the run's date: how many payments went through each and when it was last used,
 * most used first. Computed by the run from the history it reads anyway and stored with the run
 * ({@code (:Customer)-[:USED_CHANNEL {run, payments, lastUsedAt}]->(:Channel)}), so a portrait reads a few
 * relationships instead of every payment of the customer.
 */
public record ChannelMix(String customerId, List<Usage> channels) {

	/** One channel of the mix. */
	public record Usage(String channel, long payments, LocalDateTime lastUsedAt) {
	}

	public static ChannelMix of(CustomerHistory history) {
		Map<String, long[]> counts = new HashMap<>();
		Map<String, LocalDateTime> last = new HashMap<>();
		for (CustomerHistory.Payment payment : history.payments()) {
			counts.computeIfAbsent(payment.channel(), c -> new long[1])[0]++;
			last.merge(payment.channel(), payment.paidAt(), (a, b) -> a.isAfter(b) ? a : b);
		}
		List<Usage> channels = new ArrayList<>(counts.size());
		counts.forEach((channel, n) -> channels.add(new Usage(channel, n[0], last.get(channel))));
		channels.sort(Comparator.comparingLong(Usage::payments).reversed().thenComparing(Usage::channel));
		return new ChannelMix(history.customerId(), List.copyOf(channels));
	}

	/** As written by {@code write-channel-mix.cypher}. */
	public Map<String, Object> row() {
		return Map.of("customerId", this.customerId, "channels", this.channels.stream()
			.map(u -> Map.<String, Object>of("channel", u.channel(), "payments", u.payments(), "lastUsedAt", u.lastUsedAt()))
			.toList());
	}

}
