package com.powerkg.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.powerkg.api.Connection;
import com.powerkg.api.InvalidArgumentException;
import com.powerkg.api.RequestDeadline;
import com.powerkg.contract.ContractCodes;
import com.powerkg.portrait.CustomerProfile;
import com.powerkg.portrait.CustomerQueries;
import com.powerkg.portrait.PublishedRun;
import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The collection plan as a Relay connection of ranked tasks with the plan's workload. */
@Controller
class CollectionController {

	private final CollectionPlans plans;

	private final CustomerQueries customers;

	private final StoredPlans stored;

	CollectionController(CollectionPlans plans, CustomerQueries customers, StoredPlans stored) {
		this.plans = plans;
		this.customers = customers;
		this.stored = stored;
	}

	/** A task with its place in the plan. */
	record RankedTask(int rank, CollectionTask task) {

		public String kind() {
			return this.task.kind().name();
		}

		public int round() {
			return this.task.round();
		}

		public String method() {
			return this.task.method().name();
		}

		public List<String> advice() {
			return this.task.advice();
		}

		public double dueAmount() {
			return this.task.dueAmount();
		}

		public List<String> bills() {
			return this.task.billIds();
		}

		public List<Integer> rules() {
			return this.task.rules();
		}

	}

	record TaskConnection(List<Connection.Edge<RankedTask>> edges, Connection.PageInfo pageInfo, int totalCount, LocalDate date,
			String run, CollectionPlan.Workload workload) {
	}

	/** Narrows the plan; fields combine with AND, values in a list with OR. Ranks stay those of the whole plan. */
	record TaskFilter(List<CollectionTask.Kind> kinds, List<ContractCodes.ContactMethod> methods, List<Integer> rounds,
			List<String> regions) {

		StoredPlans.Filter stored() {
			return new StoredPlans.Filter(this.kinds == null ? null : this.kinds.stream().map(Enum::name).toList(),
					this.methods == null ? null : this.methods.stream().map(Enum::name).toList(),
					this.rounds == null ? null : this.rounds.stream().map(Integer::longValue).toList(), this.regions);
		}

	}

	@QueryMapping
	TaskConnection collectionPlan(@Argument LocalDate date, @Argument TaskFilter filter, @Argument Integer first,
			@Argument String after, GraphQLContext context) {
		int size = Connection.pageSize(first, "page through larger plans with after");
		String afterKey = Connection.Cursor.decode(after);
		int afterRank;
		try {
			afterRank = afterKey == null ? 0 : Integer.parseInt(afterKey);
		}
		catch (NumberFormatException ex) {
			afterRank = -1;
		}
		if (afterRank < 0) {
			throw new InvalidArgumentException("after '" + after + "' is not a cursor of collectionPlan");
		}
		String run = PublishedRun.idFor(context, this.customers::publication);
		var stored = (run == null) ? Optional.<StoredPlans.Summary>empty()
				: this.stored.summary(run).filter(s -> s.date().equals(date));
		if (stored.isPresent()) {
			// the published run planned this date: page through what it stored, by rank
			StoredPlans.Filter where = (filter == null) ? StoredPlans.Filter.NONE : filter.stored();
			List<RankedTask> rows = this.stored.page(run, where, afterRank, size + 1).stream()
				.map(t -> new RankedTask(t.rank(), t.task()))
				.toList();
			var page = Connection.of(rows, size, afterRank > 0, t -> String.valueOf(t.rank()));
			long total = this.stored.count(run, where, stored.get().tasks());
			return new TaskConnection(page.edges(), page.pageInfo(), (int) total, date, run, stored.get().workload());
		}
		// within what is left of the request's time (powerkg.graphql.timeout): a plan not ready by then is not computed
		// for nobody
		CollectionPlan plan = this.plans.plan(date, RequestDeadline.remaining(context));
		Predicate<CollectionTask> wanted = wanted(filter);
		List<RankedTask> rows = new ArrayList<>();
		int total = 0;
		for (int rank = 1; rank <= plan.tasks().size(); rank++) {
			CollectionTask task = plan.tasks().get(rank - 1);
			if (wanted.test(task)) {
				total++;
				if (rank > afterRank && rows.size() < size + 1) {
					rows.add(new RankedTask(rank, task));
				}
			}
		}
		var page = Connection.of(rows, size, afterRank > 0, t -> String.valueOf(t.rank()));
		return new TaskConnection(page.edges(), page.pageInfo(), total, plan.date(), plan.run(), plan.workload());
	}

	/**
	 * A plan of another date not ready in the request's time: {@code extensions.reason = TIMEOUT}, half a second before
	 * the request's own 408 ({@link RequestDeadline}).
	 */
	@GraphQlExceptionHandler
	GraphQLError planTimeout(PlanTimeoutException ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(ErrorClassification.errorClassification("TIMEOUT"))
			.message(ex.getMessage())
			.extensions(Map.of("reason", "TIMEOUT"))
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

	private Predicate<CollectionTask> wanted(TaskFilter filter) {
		if (filter == null) {
			return task -> true;
		}
		Set<String> inRegions = (filter.regions() == null) ? null : this.customers.idsInRegions(filter.regions());
		return task -> (filter.kinds() == null || filter.kinds().contains(task.kind()))
				&& (filter.methods() == null || filter.methods().contains(task.method()))
				&& (filter.rounds() == null || filter.rounds().contains(task.round()))
				&& (inRegions == null || inRegions.contains(task.customerId()));
	}

	@BatchMapping(typeName = "CollectionTask")
	Map<RankedTask, CustomerProfile> customer(List<RankedTask> tasks) {
		Map<String, CustomerProfile> profiles = this.customers.byIds(tasks.stream().map(t -> t.task().customerId()).distinct().toList());
		Map<RankedTask, CustomerProfile> result = new LinkedHashMap<>();
		tasks.forEach(t -> result.put(t, profiles.get(t.task().customerId())));
		return result;
	}

}
