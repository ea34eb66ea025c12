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

	public AnalyticsService(AnalyticsRuns runs, TaggingStage tagging, SegmentationStage segmentation, CreditStage credit) {
		this.runs = runs;
		this.tagging = tagging;
		this.segmentation = segmentation;
		this.credit = credit;
	}

	public record Outcome(String runId, TaggingStage.Result tags, SegmentationStage.Result segments, CreditStage.Result credit) {
	}

	public Outcome run(LocalDate asOf) {
		String id = AnalyticsRuns.newId(asOf);
		this.runs.start(id, asOf);
		log.info("Analytics run {} as of {} started", id, asOf);
		TaggingStage.Result tags;
		SegmentationStage.Result segments;
		CreditStage.Result credit;
		try {
			// only this run can publish until it ends (the start lock), so this is the run it will supersede
			String previous = this.runs.publishedRunId().orElse(null);
			tags = this.tagging.run(id, asOf);
			segments = this.segmentation.run(id, asOf, previous);
			credit = this.credit.run(id, asOf, previous);
			List<String> counts = tags.customersPerTag().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
			List<String> parameters = tags.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
			this.runs.succeedAndPublish(id, tags.customersAnalysed(), counts, parameters, tags.duration().toMillis() / 1000.0);
			log.info("Analytics run {} published", id);
		}
		catch (Throwable ex) {
			// also for Errors (out of memory): a run must never stay RUNNING in a process that goes on
			failQuietly(id, ex);
			throw ex;
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
