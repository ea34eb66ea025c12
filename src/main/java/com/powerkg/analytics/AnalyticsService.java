package com.powerkg.analytics;

import java.time.LocalDate;
import java.util.List;

import com.powerkg.credit.CreditStage;
import com.powerkg.segmentation.SegmentationStage;
import com.powerkg.tagging.TaggingStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * One analytics run: the stages in order, then an atomic publish. Results are written under the run's id and
 * become visible to readers only when the publication pointer moves to the run, so nobody ever sees half a run;
 * a failed run is marked FAILED, its partial results are deleted, and the previously published run stays served.
 * Stages: portrait tags, value segments (compared with the run published when this one started), credit ratings
 * (which keep serving the previous run's ratings when the new model fails its quality floor).
 */
@Service
public class AnalyticsService {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsService.class);

	private final AnalyticsRuns runs;

	private final TaggingStage tagging;

	private final SegmentationStage segmentation;

	private final CreditStage credit;

	private final AnalyticsProperties properties;

	/** Runs begun by this process and not ended yet. */
	private final java.util.Set<String> active = java.util.concurrent.ConcurrentHashMap.newKeySet();

	public AnalyticsService(AnalyticsRuns runs, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit) {
		this(runs, tagging, segmentation, credit, AnalyticsProperties.DEFAULTS);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public AnalyticsService(AnalyticsRuns runs, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit,
			AnalyticsProperties properties) {
		this.properties = properties;
		this.runs = runs;
		this.tagging = tagging;
		this.segmentation = segmentation;
		this.credit = credit;
	}

	public record Outcome(String runId, TaggingStage.Result tags, SegmentationStage.Result segments, CreditStage.Result credit) {
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
		TaggingStage.Result tags;
		SegmentationStage.Result segments;
		CreditStage.Result credit;
		long started = System.nanoTime();
		Thread heartbeat = Thread.ofVirtual().name("heartbeat-" + id).start(() -> beat(id));
		try {
			// only this run can publish until it ends (the start lock), so this is the run it will supersede
			String previous = this.runs.publishedRunId().orElse(null);
			tags = this.tagging.run(id, asOf);
			stageDone(id, "tags", 1, started, tags.duration().toMillis() / 1000.0);
			segments = this.segmentation.run(id, asOf, previous);
			stageDone(id, "segments", 2, started, seconds(segments.featureTime().plus(segments.clusteringTime())
				.plus(segments.writeTime())));
			credit = this.credit.run(id, asOf, previous);
			stageDone(id, "credit", 3, started, credit.duration().toMillis() / 1000.0);
			List<String> counts = tags.customersPerTag().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
			List<String> parameters = tags.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
			this.runs.succeedAndPublish(id, tags.customersAnalysed(), counts, parameters, tags.duration().toMillis() / 1000.0);
			log.info("Analytics run {} published after {} s", id, Math.round((System.nanoTime() - started) / 1e9));
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
		return new Outcome(id, tags, segments, credit);
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

	private void stageDone(String id, String stage, int number, long started, double stageSeconds) {
		log.info("Analytics run {}: stage {}/3 ({}) done in {} s, {} s since the start", id, number, stage,
				String.format(java.util.Locale.ROOT, "%.1f", stageSeconds),
				String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
		if (stage.equals(this.properties.pauseAfterStage())) {
			// fault injection (tests only): hold the run here, its results written but not published, until killed
			log.warn("Analytics run {} paused after stage {} (powerkg.analytics.pause-after-stage)", id, stage);
			try {
				Thread.sleep(java.time.Duration.ofHours(1));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("run " + id + " interrupted while paused after stage " + stage, ex);
			}
		}
	}

	private static double seconds(java.time.Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/**
	 * The service stops (or a job's context closes) while a run of this process is still going, e.g. one started
	 * through the API or the schedule: it is marked FAILED and its writes deleted while the database can still be
	 * reached, so that no RUNNING run is left behind to block the next one (on an external database nobody else would
	 * clean it up). Writes the dying run still makes belong to a FAILED run and go with the next cleanup.
	 */
	@jakarta.annotation.PreDestroy
	void failRunsStillGoing() {
		for (String id : java.util.List.copyOf(this.active)) {
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
