package com.powerkg.analytics;

import java.util.List;

import com.powerkg.graph.EmbeddedNeo4j;
import com.powerkg.run.AnalyticsRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A run left RUNNING in an embedded database belongs to a process that died (only one process can open the
 * store), so at start-up it is marked FAILED and its partial results are deleted; the published run is untouched
 * and the next run may start. On an external database other processes may be running one, so only runs silent for
 * longer than the lease ({@code powerkg.analytics.lease}) are taken as dead.
 */
@Component
public class InterruptedRunRecovery {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

	private final AnalyticsRuns runs;

	private final boolean embedded;

	InterruptedRunRecovery(AnalyticsRuns runs, ObjectProvider<EmbeddedNeo4j> embedded) {
		this.runs = runs;
		this.embedded = embedded.getIfAvailable() != null;
	}

	/** Fails the runs a dead process left RUNNING and deletes their partial results. */
	public void recover() {
		if (!this.embedded) {
			// other processes may be running one: only runs silent for longer than the lease are taken as dead
			List<String> abandoned = this.runs.expireAbandonedRuns();
			if (!abandoned.isEmpty()) {
				log.warn("Analytics run(s) {} were abandoned by their process: marked FAILED, partial results deleted", abandoned);
			}
			return;
		}
		List<String> interrupted = this.runs.failInterruptedRuns("the process ended during the run");
		if (!interrupted.isEmpty()) {
			log.warn("Analytics run(s) {} were interrupted by the end of their process: marked FAILED, partial results deleted",
					interrupted);
		}
	}

}
