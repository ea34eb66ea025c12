package com.powerkg.portrait;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.powerkg.contract.ValueDimension;
import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.run.AnalyticsRuns.Publication;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Tags, segments, credit rating and payment channels of every customer a request shows, read in one Cypher
 * round-trip: each of the four fields asks one shared data loader for (customer, part), and the loader reads the
 * asked parts of all asked customers at once. A single portrait then costs two round-trips (the customer with the
 * published run, and its parts) instead of six, and a page of portraits three, whatever its size.
 */
@Component
public class PortraitParts {

	/** The loader's name; a field resolver's {@link DataLoader} parameter must be named like this. */
	public static final String LOADER = "portraitParts";

	private static final String PARTS = CypherResource.load(PortraitParts.class, "portrait-parts.cypher");

	public enum Part {

		TAGS, SEGMENTS, CREDIT, CHANNELS

	}

	public record Key(String customerId, Part part) {
	}

	private final GraphReads reads;

	private final CustomerQueries customers;

	PortraitParts(GraphReads reads, CustomerQueries customers, BatchLoaderRegistry registry) {
		this.reads = reads;
		this.customers = customers;
		registry.<Key, Object>forName(LOADER)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys, environment.getContext())));
	}

	/** What a field resolver returns: its part of the customer's portrait, once the batch is read. */
	@SuppressWarnings("unchecked")
	public static <T> CompletableFuture<T> of(DataLoader<Key, Object> loader, CustomerProfile customer, Part part) {
		return loader.load(new Key(customer.id(), part)).thenApply(value -> (T) value);
	}

	Map<Key, Object> load(Set<Key> keys, GraphQLContext context) {
		Publication publication = PublishedRun.of(context, this.customers::publication);
		Set<String> ids = new LinkedHashSet<>();
		Set<Part> parts = EnumSet.noneOf(Part.class);
		keys.forEach(key -> {
			ids.add(key.customerId());
			parts.add(key.part());
		});
		Map<Key, Object> result = new HashMap<>();
		keys.forEach(key -> result.put(key, (key.part() == Part.CREDIT) ? null : List.of()));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(ids));
		parameters.put("runId", publication.runId());
		parameters.put("creditRunId", publication.creditRunId());
		for (Part part : Part.values()) {
			parameters.put(part.name().toLowerCase(Locale.ROOT), parts.contains(part));
		}
		this.reads.rows(PARTS, parameters)
			.forEach(row -> {
				String id = (String) row.get("customerId");
				for (Part part : parts) {
					var key = new Key(id, part);
					if (keys.contains(key)) {
						result.put(key, value(part, row));
					}
				}
			});
		return result;
	}

	private static Object value(Part part, Map<String, Object> row) {
		return switch (part) {
			case TAGS -> rows(row.get("tags")).stream().map(PortraitParts::tag).toList();
			case SEGMENTS -> rows(row.get("segments")).stream()
				.map(PortraitParts::membership)
				.sorted(Comparator.comparing(m -> ValueDimension.valueOf(m.dimension())))
				.toList();
			case CREDIT -> (row.get("credit") == null) ? null : rating(rows(List.of(row.get("credit"))).getFirst());
			case CHANNELS -> rows(row.get("channels")).stream().map(PortraitParts::channel).toList();
		};
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object list) {
		return (List<Map<String, Object>>) list;
	}

	@SuppressWarnings("unchecked")
	private static CustomerTag tag(Map<String, Object> t) {
		return new CustomerTag((String) t.get("code"), (String) t.get("nameZh"), (List<String>) t.get("evidence"),
				(String) t.get("explanation"), (LocalDate) t.get("asOf"), (String) t.get("run"));
	}

	@SuppressWarnings("unchecked")
	private static SegmentMembership membership(Map<String, Object> m) {
		return new SegmentMembership((String) m.get("dimension"), (String) m.get("level"), (String) m.get("nameZh"),
				(m.get("distance") == null) ? null : ((Number) m.get("distance")).doubleValue(), (String) m.get("reason"),
				(List<String>) m.get("capped"));
	}

	@SuppressWarnings("unchecked")
	private static CreditRating rating(Map<String, Object> r) {
		return new CreditRating((String) r.get("grade"), (String) r.get("nameZh"), ((Number) r.get("score")).doubleValue(),
				((Number) r.get("pd")).doubleValue(), (List<String>) r.get("reasons"), Boolean.TRUE.equals(r.get("flagged")),
				(String) r.get("run"));
	}

	private static ChannelUsage channel(Map<String, Object> ch) {
		return new ChannelUsage((String) ch.get("channel"), (String) ch.get("nameZh"), ((Number) ch.get("payments")).longValue(),
				(LocalDateTime) ch.get("lastUsedAt"));
	}

}
