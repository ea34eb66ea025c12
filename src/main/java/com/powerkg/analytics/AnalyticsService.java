package com.powerkg.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;

import com.powerkg.collection.CollectionCases;
import com.powerkg.collection.CollectionPlan;
import com.powerkg.collection.PlanBuilder;
import com.powerkg.collection.SettleWindows;
import com.powerkg.collection.StoredPlans;
import com.powerkg.credit.CreditInputs;
import com.powerkg.credit.CreditStage;
import com.powerkg.graph.GraphReads;
import com.powerkg.history.CustomerHistory;
import com.powerkg.history.HistoryReader;
import com.powerkg.portrait.ChannelMix;
import com.powerkg.portrait.ChannelMixes;
import com.powerkg.run.AnalyticsRun;
import com.powerkg.run.AnalyticsRuns;
import com.powerkg.run.RunParameter;
import com.powerkg.segmentation.FeatureMatrix;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.segmentation.ValueFeatures;
import com.powerkg.tagging.TagAssignment;
import com.powerkg.tagging.TagCode;
import com.powerkg.tagging.TaggingStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * One analytics run: one pass over every customer's history, then the stages that need all customers at once, then an
 * atomic publish. The pass reads each customer's history once ({@link HistoryReader}: in id order, in batches, on
 * several threads) and hands the same history to the tag rules, the value features, the credit indicators, the channel
 * mix and the collection plan; tags and channel mixes are written as the pass goes (on one writer thread, so writes
 * never contend). Then the segments (K-Means over all features), the credit ratings (trained on the labelled rows of
 * the pass, scoring every customer's indicators) and the collection plan of the run's date are written, all under the
 * run's id, and become visible to readers only when the publication pointer moves to the run, so nobody ever sees half
 * a run; a failed run is marked FAILED, its partial results are deleted, and the previously published run stays
 * served.
 */
@Service
public class AnalyticsService {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsService.class);

	/** Stages done, shown in the terminal of a command-line analyze (logback-command.xml). */
	private static final Logger progress = LoggerFactory.getLogger("powerkg.progress.analytics");

	/** The stages in order; {@code powerkg.analytics.pause-after-stage} names one of them. */
	static final List<String> STAGES = List.of("histories", "segments", "credit", "plan");

	private final AnalyticsRuns runs;

	private final Stages stages;

	private final AnalyticsProperties properties;

	/** Runs begun by this process and not ended yet. */
	private final Set<String> active = ConcurrentHashMap.newKeySet();

	/** What a run is made of; the service's are beans, a test may swap one. */
	public record Stages(HistoryReader histories, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit,
			ChannelMixes channels, StoredPlans plans) {
	}

	/** A run on the given database with these stages and default settings (tests outside the application context). */
	public AnalyticsService(AnalyticsRuns runs, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit) {
		this(runs, tagging, segmentation, credit, AnalyticsProperties.DEFAULTS);
	}

	/** The same with other settings. */
	public AnalyticsService(AnalyticsRuns runs, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit,
			AnalyticsProperties properties) {
		this(runs, new Stages(new HistoryReader(new GraphReads(runs.driver())), tagging, segmentation, credit,
				new ChannelMixes(runs.driver()), new StoredPlans(runs.driver(), new GraphReads(runs.driver()))), properties);
	}

	@Autowired
	public AnalyticsService(AnalyticsRuns runs, HistoryReader histories, TaggingStage tagging, SegmentationStage segmentation,
			CreditStage credit, ChannelMixes channels, StoredPlans plans, AnalyticsProperties properties) {
		this(runs, new Stages(histories, tagging, segmentation, credit, channels, plans), properties);
	}

	public AnalyticsService(AnalyticsRuns runs, Stages stages, AnalyticsProperties properties) {
		this.runs = runs;
		this.stages = stages;
		this.properties = properties;
	}

	/**
	 * @param tags    customers per tag and the parameters of the rules
	 * @param plan    the collection plan stored for the run's date (null when the run failed before it)
	 */
	public record Outcome(String runId, TagResult tags, SegmentationStage.Result segments, CreditStage.Result credit,
			CollectionPlan plan, Duration historyTime) {
	}

	/**
	 * @param customersAnalysed customers whose history was evaluated
	 * @param customersPerTag   customers carrying each tag (every code present, 0 when none)
	 * @param parameters        the parameters used, {@code TAG.name -> value}
	 * @param duration          the pass over the histories (tags, features, indicators, channel mixes, plan cases)
	 */
	public record TagResult(long customersAnalysed, Map<TagCode, Long> customersPerTag, List<RunParameter> parameters,
			Duration duration) {

		public double customersPerSecond() {
			double seconds = this.duration.toNanos() / 1e9;
			return seconds > 0 ? this.customersAnalysed / seconds : 0;
		}

	}

	/** Starts and executes a run in this thread; refused with {@link RunRefusedException} while another is active. */
	public Outcome run(LocalDate asOf) {
		return execute(begin(asOf), asOf);
	}

	/**
	 * Records a RUNNING run, taking the run lock in the database (so also against other processes on the same
	 * database). {@link #execute} must follow, in this or another thread.
	 * @return the new run's id
	 * @throws RunRefusedException while another run is active
	 */
	public String begin(LocalDate asOf) {
		String id = AnalyticsRuns.newId(asOf);
		this.runs.start(id, asOf);
		this.active.add(id);
		log.info("Analytics run {} as of {} started", id, asOf);
		return id;
	}

	/** Runs the stages of a begun run in order and publishes it, or marks it failed and deletes what it wrote. */
	public Outcome execute(String id, LocalDate asOf) {
		Outcome outcome;
		long started = System.nanoTime();
		Thread heartbeat = Thread.ofVirtual().name("heartbeat-" + id).start(() -> beat(id));
		try {
			// only this run can publish until it ends (the start lock), so this is the run it will supersede
			String previous = this.runs.publishedRunId().orElse(null);
			Pass pass = pass(id, asOf);
			stageDone(id, "histories", started, seconds(pass.time()));
			var segments = this.stages.segmentation().segment(id, pass.features(), pass.time(), previous);
			stageDone(id, "segments", started, seconds(segments.clusteringTime().plus(segments.writeTime())));
			var credit = this.stages.credit().rate(id, asOf, previous, pass.credit());
			stageDone(id, "credit", started, seconds(credit.duration()));
			long planStarted = System.nanoTime();
			CollectionPlan plan = pass.plan().build(id);
			this.stages.plans().write(id, plan);
			stageDone(id, "plan", started, (System.nanoTime() - planStarted) / 1e9);
			// before it is served: the queries that read it are planned with statistics that know it
			this.runs.refreshPlannerStatistics()
				.ifPresent(took -> log.info("Analytics run {}: planner statistics refreshed in {} ms", id, took.toMillis()));
			var tags = pass.tags();
			this.runs.succeedAndPublish(id, tags.customersAnalysed(), tags.customersPerTag(), tags.parameters(), seconds(tags.duration()));
			log.info("Analytics run {} published after {} s", id, Math.round((System.nanoTime() - started) / 1e9));
			outcome = new Outcome(id, tags, segments, credit, plan, pass.time());
		}
		catch (Throwable ex) {
			// also for Errors (out of memory): a run must never stay RUNNING in a process that goes on
			failQuietly(id, ex);
			throw ex;
		}
		finally {
			heartbeat.interrupt();
			this.active.remove(id);
		}
		try {
			this.runs.deleteUnpublishedResults();
		}
		catch (RuntimeException ex) {
			// the run is published and served; leftovers of older runs are deleted after the next run
			log.warn("Run {} is published, but deleting older runs' results failed: {}", id, ex.getMessage());
		}
		return outcome;
	}

	/** What the pass over the histories gathered for the stages that need every customer. */
	private record Pass(TagResult tags, FeatureMatrix features, CreditInputs credit, PlanBuilder plan, Duration time) {
	}

	/** One batch's share of the pass. */
	private record BatchResult(List<String> ids, List<String> usageCategories, List<String> regions, List<double[]> features,
			CreditInputs credit, Map<TagCode, Long> tagCounts, PlanBuilder plan) {
	}

	/**
	 * Reads every customer's history once and hands it to every stage: tags and channel mixes are written as the pass
	 * goes, features, credit indicators and plan cases are gathered for what follows.
	 */
	private Pass pass(String id, LocalDate asOf) {
		long started = System.nanoTime();
		TaggingStage.Tagger tagger = this.stages.tagging().prepare();
		SettleWindows windows = SettleWindows.of(tagger.parameters());
		try (var writer = new Writer(this.properties.readers() + 1)) {
			List<BatchResult> batches = this.stages.histories().read(asOf, this.properties.batchSize(), this.properties.readers(),
					batch -> {
						int n = batch.size();
						var result = new BatchResult(new ArrayList<>(n), new ArrayList<>(n), new ArrayList<>(n), new ArrayList<>(n),
								this.stages.credit().inputs(batch, asOf), new EnumMap<>(TagCode.class), new PlanBuilder(asOf, windows));
						List<Map<String, Object>> tagRows = new ArrayList<>();
						List<ChannelMix> mixes = new ArrayList<>(n);
						for (CustomerHistory history : batch) {
							List<TagAssignment> tags = tagger.evaluate(history, asOf);
							Set<TagCode> codes = EnumSet.noneOf(TagCode.class);
							for (TagAssignment tag : tags) {
								tagRows.add(TaggingStage.row(history.customerId(), tag));
								codes.add(tag.code());
								result.tagCounts().merge(tag.code(), 1L, Long::sum);
							}
							result.ids().add(history.customerId());
							result.usageCategories().add(history.profile().usageCategory());
							result.regions().add(history.profile().region());
							result.features().add(ValueFeatures.compute(history, asOf));
							mixes.add(ChannelMix.of(history));
							CollectionCases.of(history, codes, asOf).ifPresent(result.plan()::add);
						}
						writer.submit(() -> {
							this.stages.tagging().write(id, asOf, tagRows);
							this.stages.channels().write(id, mixes);
						});
						return result;
					});
			writer.awaitAll();
			FeatureMatrix matrix = new FeatureMatrix();
			Map<TagCode, Long> counts = new EnumMap<>(TagCode.class);
			for (TagCode code : TagCode.values()) {
				counts.put(code, 0L);
			}
			PlanBuilder plan = new PlanBuilder(asOf, windows);
			List<CreditInputs> credit = new ArrayList<>(batches.size());
			long customers = 0;
			for (BatchResult batch : batches) {
				for (int i = 0; i < batch.ids().size(); i++) {
					matrix.add(batch.ids().get(i), batch.usageCategories().get(i), batch.regions().get(i), batch.features().get(i));
				}
				batch.tagCounts().forEach((code, n) -> counts.merge(code, n, Long::sum));
				plan.merge(batch.plan());
				credit.add(batch.credit());
				customers += batch.ids().size();
			}
			Duration time = Duration.ofNanos(System.nanoTime() - started);
			var tags = new TagResult(customers, counts, tagger.parameters().forRun(), time);
			log.info("histories: {} customers analysed in {} ms ({} customers/s): tags, features, credit indicators, channel mixes "
					+ "and plan cases from one read", customers, time.toMillis(), Math.round(tags.customersPerSecond()));
			return new Pass(tags, matrix, CreditInputs.concat(credit), plan, time);
		}
	}

	/**
	 * The pass's writes on one thread of their own, at most {@code capacity} waiting: reads go on while a batch is
	 * written, and writes of the shared Tag and Channel nodes never deadlock with each other. The first failed write
	 * fails the run.
	 */
	private static final class Writer implements AutoCloseable {

		private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("run-writer").daemon().factory());

		private final Semaphore waiting;

		private final List<Future<?>> written = new ArrayList<>();

		Writer(int capacity) {
			this.waiting = new Semaphore(capacity);
		}

		void submit(Runnable write) {
			this.waiting.acquireUninterruptibly();
			Future<?> future = this.thread.submit(() -> {
				try {
					write.run();
				}
				finally {
					this.waiting.release();
				}
			});
			synchronized (this.written) {
				this.written.add(future);
			}
		}

		void awaitAll() {
			List<Future<?>> all;
			synchronized (this.written) {
				all = List.copyOf(this.written);
			}
			for (Future<?> future : all) {
				try {
					future.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while the run's writes finished", ex);
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException("a write of the run failed: " + ex.getCause(), ex.getCause());
				}
			}
		}

		@Override
		public void close() {
			this.thread.shutdownNow();
		}

	}

	/** Signs of life of a run while it goes, so that other processes can tell it from one whose process died. */
	private void beat(String id) {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(this.runs.heartbeatInterval());
				this.runs.heartbeat(id);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Heartbeat of analytics run {} failed: {}", id, ex.getMessage());
			}
		}
	}

	private void stageDone(String id, String stage, long started, double stageSeconds) {
		progress.info("Analytics run {}: stage {}/{} ({}) done in {} s, {} s since the start", id, STAGES.indexOf(stage) + 1, STAGES.size(), stage,
				String.format(Locale.ROOT, "%.1f", stageSeconds),
				String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
		if (stage.equals(this.properties.pauseAfterStage())) {
			// fault injection (tests only): hold the run here, its results written but not published, until killed
			log.warn("Analytics run {} paused after stage {} (powerkg.analytics.pause-after-stage)", id, stage);
			try {
				Thread.sleep(Duration.ofHours(1));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("run " + id + " interrupted while paused after stage " + stage, ex);
			}
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/**
	 * The service stops (or a job's context closes) while a run of this process is still going, e.g. one started
	 * through the API or the schedule: it is marked FAILED and its writes deleted while the database can still be
	 * reached, so that no RUNNING run is left behind to block the next one (on an external database nobody else would
	 * clean it up). Writes the dying run still makes belong to a FAILED run and go with the next cleanup.
	 */
	@PreDestroy
	void failRunsStillGoing() {
		for (String id : List.copyOf(this.active)) {
			log.warn("Analytics run {} is still going while the service stops: marked FAILED", id);
			failQuietly(id, new IllegalStateException("the service stopped during the run"));
		}
	}

	private void failQuietly(String id, Throwable cause) {
		try {
			log.error("Analytics run {} failed: {}", id, cause.toString());
			this.runs.fail(id, String.valueOf(cause.getMessage()));
			this.runs.deleteUnpublishedResults();
		}
		catch (RuntimeException ex) {
			log.error("Could not record the failure of run {}: {}", id, ex.getMessage());
		}
	}

	public List<AnalyticsRun> latest(int last) {
		return this.runs.latest(last);
	}

}
