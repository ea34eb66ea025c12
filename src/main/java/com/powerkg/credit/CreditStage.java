package com.powerkg.credit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.powerkg.graph.CypherResource;
import com.powerkg.graph.GraphReads;
import com.powerkg.history.CustomerHistory;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The credit stage of an analytics run (SPEC §5, issue K). From the run's pass it takes the labelled rows (each
 * customer's indicators as of the day before its outcome was observed, for outcomes whose window has ended by D),
 * bins every indicator with weight of evidence on the training share, fits seed 001's Fisher discriminant and the
 * challengers on the binned indicators, measures them all on the held-out share and picks the champion (Fisher while
 * within the margin of the best). A champion below the AUC floor, too few labels, or a drift gate set to keep the
 * previous ratings, leaves the previously served ratings in place; otherwise every customer is rated as of D with
 * {@code RATED} under the run's id, flagged when the drift gate fired. Every figure goes on the run, typed.
 */
@Service
public class CreditStage {

	private static final Logger log = LoggerFactory.getLogger(CreditStage.class);

	private static final String WRITE_RATINGS = CypherResource.load(CreditStage.class, "write-ratings.cypher");

	private static final String WRITE_RUN = CypherResource.load(CreditStage.class, "write-run.cypher");

	private static final String PREVIOUS_RATINGS = CypherResource.load(CreditStage.class, "previous-ratings-run.cypher");

	/** Held-out customers a model's monotonicity is checked on. */
	static final int MONOTONE_CHECK_ROWS = 2000;

	private final Driver driver;

	private final CreditProperties properties;

	private final GraphReads reads;

	private final CreditModelStore store;

	public CreditStage(Driver driver, CreditProperties properties) {
		this.driver = driver;
		this.properties = properties;
		this.reads = new GraphReads(driver);
		this.store = new CreditModelStore(driver);
	}

	public enum Status {

		/** this run's model passed and rated every customer */
		RATED,
		/** no model good enough (or none trainable, or drift): the previous ratings stay served */
		KEPT_PREVIOUS,
		/** nothing to serve: no model and no earlier ratings */
		NOT_RATED

	}

	/**
	 * The labels a run could and could not use.
	 *
	 * @param usable  outcomes whose window had ended by D
	 * @param pending outcomes whose window had not, per observation date
	 */
	public record Labels(int windowMonths, long usable, List<Pending> pending, LocalDate asOf) {

		public record Pending(LocalDate observedOn, LocalDate windowEndsOn, long outcomes) {
		}

		static Labels of(CreditInputs inputs, LocalDate asOf, int windowMonths) {
			List<Pending> pending = inputs.pending().entrySet().stream()
				.map(e -> new Pending(e.getKey(), CreditInputs.windowEnd(e.getKey(), windowMonths), e.getValue()))
				.toList();
			return new Labels(windowMonths, inputs.labelled().size(), pending, asOf);
		}

		/** "21,084 outcomes observed on 2005-09-30; their 12-month window ends 2006-09-30, after the as-of date 2005-10-01". */
		public String describePending() {
			if (this.pending.isEmpty()) {
				return "";
			}
			long outcomes = this.pending.stream().mapToLong(Pending::outcomes).sum();
			Pending first = this.pending.getFirst();
			Pending last = this.pending.getLast();
			if (this.pending.size() == 1) {
				return String.format(Locale.ROOT, "%,d outcomes observed on %s; their %d-month window ends %s, after the as-of date %s",
						outcomes, first.observedOn(), this.windowMonths, first.windowEndsOn(), this.asOf);
			}
			return String.format(Locale.ROOT, "%,d outcomes observed from %s to %s; their %d-month windows end from %s to %s, after the "
					+ "as-of date %s", outcomes, first.observedOn(), last.observedOn(), this.windowMonths, first.windowEndsOn(),
					last.windowEndsOn(), this.asOf);
		}

	}

	/** An indicator's figures in this run. */
	public record IndicatorFigures(CreditIndicator indicator, double informationValue, double populationStability, boolean used) {
	}

	/**
	 * @param ratingsRun the run whose ratings readers see after this run is published (null: none)
	 * @param champion   the model that rates (or would have, when it failed its floor); null when none was trained
	 * @param models     every model trained, with its held-out quality
	 * @param drift      the drift check of the champion against the scored customers (null when no model)
	 * @param flagged    ratings were published although the drift gate fired
	 */
	public record Result(Status status, String message, String ratingsRun, CreditModel.Kind champion, List<CreditModelStore.Trained> models,
			int trainingRows, int heldOutRows, double trainingDefaultRate, long customersRated, Map<String, Long> customersPerGrade,
			Map<String, Double> meanPdPerGrade, Labels labels, DriftGate.Check drift, boolean flagged,
			List<IndicatorFigures> indicators, Duration duration) {

		/** The champion's held-out quality (null when no model was trained). */
		public CreditMetrics metrics() {
			return this.models.stream().filter(m -> m.kind() == this.champion).findFirst().map(CreditModelStore.Trained::metrics)
				.orElse(null);
		}

	}

	/** What the credit stage needs of one batch of the run's histories. */
	public CreditInputs inputs(List<CustomerHistory> batch, LocalDate asOf) {
		return CreditInputs.of(batch, asOf, this.properties.outcomeWindowMonths());
	}

	/**
	 * Trains on the labelled rows of the run's pass, measures the models on the held-out customers and, when the
	 * champion is good enough, rates every customer of the pass.
	 */
	public Result rate(String runId, LocalDate asOf, String previousRunId, CreditInputs inputs) {
		var run = new Run(runId, previousRatingsRun(previousRunId), Labels.of(inputs, asOf, this.properties.outcomeWindowMonths()),
				System.nanoTime());
		List<double[]> train = new ArrayList<>();
		List<Integer> trainLabels = new ArrayList<>();
		List<double[]> test = new ArrayList<>();
		List<Integer> testLabels = new ArrayList<>();
		for (CreditInputs.Labelled row : inputs.labelled()) {
			boolean held = this.properties.heldOut(row.customerId());
			(held ? test : train).add(row.raw());
			(held ? testLabels : trainLabels).add(row.defaulted());
		}
		run.props.put("creditTrainingRows", (long) train.size());
		run.props.put("creditHeldOutRows", (long) test.size());
		long trainDefaults = trainLabels.stream().filter(l -> l == 1).count();
		long trainOthers = trainLabels.size() - trainDefaults;
		if (trainDefaults < this.properties.minimumPerClass() || trainOthers < this.properties.minimumPerClass()) {
			String why = "too few credit outcomes to train: " + trainDefaults + " defaulted and " + trainOthers
					+ " did not among the training customers (at least " + this.properties.minimumPerClass() + " of each needed)"
					+ (run.labels.pending().isEmpty() ? "" : "; " + run.labels.describePending() + " (powerkg.credit.outcome-window-months)");
			return keep(run, why, train.size(), test.size(), 0);
		}
		long testDefaults = testLabels.stream().filter(l -> l == 1).count();
		if (testDefaults == 0 || testDefaults == testLabels.size()) {
			String why = "cannot measure a model: the held-out customers (" + testLabels.size() + ") need both defaulters and "
					+ "non-defaulters, they have " + testDefaults + " defaulted";
			return keep(run, why, train.size(), test.size(), 0);
		}
		double defaultRate = (double) trainDefaults / train.size();
		int[] trainY = trainLabels.stream().mapToInt(Integer::intValue).toArray();
		int[] testY = testLabels.stream().mapToInt(Integer::intValue).toArray();
		run.props.put("creditDefaultRate", defaultRate);

		CreditTraining.Settings settings = this.properties.training();
		List<Bins> bins = CreditTraining.bins(train, trainY, settings.binning());
		double[] sds = CreditTraining.sds(train);
		List<CreditIndicator> candidates = CreditTraining.candidates(bins, settings.minimumIv());
		double[][] trainWoe = CreditTraining.woe(bins, train);
		for (CreditModel.Kind kind : kindsToTrain()) {
			long fitStarted = System.nanoTime();
			try {
				CreditModel model = CreditTraining.fit(kind, bins, trainWoe, trainY, candidates, this.properties.cutoffs(), sds, settings);
				double violations = model.monotoneViolations(test.subList(0, Math.min(test.size(), MONOTONE_CHECK_ROWS)));
				run.models.add(new CreditModelStore.Trained(kind, model, heldOut(model, test, testY), violations,
						violations == 0 ? null : String.format(Locale.ROOT, "not monotone: in %.2f %% of the checks a riskier bin lowered "
								+ "the score, so it may not rate (it would tell customers that paying worse lowers their risk)", 100 * violations)));
				log.info("credit: {} trained on {} rows in {} ms, held-out AUC {}{}", kind, train.size(),
						(System.nanoTime() - fitStarted) / 1_000_000, round(run.models.getLast().metrics().auc()),
						violations == 0 ? "" : ", not monotone (" + round(100 * violations) + " % of checks)");
			}
			catch (RuntimeException ex) {
				log.warn("credit: {} could not be trained: {}", kind, ex.getMessage());
				run.models.add(new CreditModelStore.Trained(kind, null, null, Double.NaN, ex.getMessage()));
			}
		}
		run.props.put("creditBoostingRows", (long) CreditTraining.boostingRows(train.size(), this.properties.challengers().sampleRows()));
		CreditModelStore.Trained champion = champion(run.models);
		if (champion == null) {
			String why = "no model could be trained: " + run.models.stream().map(t -> t.kind() + ": " + t.failure()).toList();
			return keep(run, why, train.size(), test.size(), defaultRate);
		}
		run.champion = champion;
		CreditMetrics metrics = champion.metrics();
		run.props.put("creditModel", champion.kind().name());
		run.props.put("creditAuc", metrics.auc());
		run.props.put("creditKs", metrics.ks());
		run.props.put("creditGini", metrics.gini());
		run.props.put("creditThreshold", metrics.threshold());
		run.props.put("creditConfusion", List.of((long) metrics.truePositives(), (long) metrics.falsePositives(),
				(long) metrics.trueNegatives(), (long) metrics.falseNegatives()));
		run.props.put("creditCutoffs", CreditModelStore.list(this.properties.cutoffs()));
		run.props.put("creditAucFloor", this.properties.aucFloor());
		run.props.put("creditChampionMargin", this.properties.championMargin());
		log.info("credit: champion {} (held-out AUC {}, KS {}); trained on {} outcomes ({} % defaulted), held out {}", champion.kind(),
				round(metrics.auc()), round(metrics.ks()), train.size(), Math.round(1000 * defaultRate) / 10.0, test.size());

		List<CreditInputs.Scored> scored = inputs.scored();
		List<double[]> scoredRaw = scored.stream().map(CreditInputs.Scored::raw).toList();
		boolean[] recent = new boolean[scored.size()];
		for (int i = 0; i < recent.length; i++) {
			recent[i] = scored.get(i).recent();
		}
		run.drift = DriftGate.check(champion.model(), scoredRaw, recent, this.properties.drift());
		putDrift(run);
		if (!(metrics.auc() >= this.properties.aucFloor())) {
			String why = "model not used: held-out AUC " + round(metrics.auc()) + " of " + champion.kind() + " is below the floor "
					+ this.properties.aucFloor() + " (powerkg.credit.auc-floor)";
			return keep(run, why, train.size(), test.size(), defaultRate);
		}
		boolean flagged = run.drift.fired();
		if (flagged && this.properties.drift().action() == CreditProperties.DriftAction.KEEP_PREVIOUS) {
			String why = "drift gate: " + String.join("; ", run.drift.reasons()) + " (powerkg.credit.drift.action=KEEP_PREVIOUS)";
			return keep(run, why, train.size(), test.size(), defaultRate);
		}
		return rateEveryone(run, champion.model(), scored, flagged, train.size(), test.size(), defaultRate);
	}

	/** What one run of the stage has gathered so far. */
	private static final class Run {

		final String id;

		final String previousRatings;

		final Labels labels;

		final long started;

		final Map<String, Object> props = new HashMap<>();

		final List<CreditModelStore.Trained> models = new ArrayList<>();

		CreditModelStore.Trained champion;

		DriftGate.Check drift;

		Run(String id, String previousRatings, Labels labels, long started) {
			this.id = id;
			this.previousRatings = previousRatings;
			this.labels = labels;
			this.started = started;
			this.props.put("creditOutcomeWindowMonths", (long) labels.windowMonths());
			this.props.put("creditOutcomesUsable", labels.usable());
			this.props.put("creditPendingObservedOn", labels.pending().stream().map(Labels.Pending::observedOn).toList());
			this.props.put("creditPendingWindowEnds", labels.pending().stream().map(Labels.Pending::windowEndsOn).toList());
			this.props.put("creditPendingOutcomes", labels.pending().stream().map(Labels.Pending::outcomes).toList());
		}

	}

	private List<CreditModel.Kind> kindsToTrain() {
		return switch (this.properties.model()) {
			case AUTO -> this.properties.challengers().enabled() ? List.of(CreditModel.Kind.values()) : List.of(CreditModel.Kind.FISHER);
			case FISHER -> List.of(CreditModel.Kind.FISHER);
			case LOGISTIC -> List.of(CreditModel.Kind.FISHER, CreditModel.Kind.LOGISTIC);
			case BOOSTED_TREES -> List.of(CreditModel.Kind.FISHER, CreditModel.Kind.BOOSTED_TREES);
		};
	}

	/**
	 * The model that rates: the one named by {@code powerkg.credit.model}, or (AUTO) among the eligible models (trained,
	 * and monotone: a riskier bin never lowers the score) the best held-out AUC, seed 001's Fisher discriminant kept while
	 * it is within {@code champion-margin} of the best. Null when there is none.
	 */
	CreditModelStore.Trained champion(List<CreditModelStore.Trained> models) {
		return choose(models, this.properties.model(), this.properties.championMargin());
	}

	static CreditModelStore.Trained choose(List<CreditModelStore.Trained> models, CreditProperties.ModelChoice choice, double margin) {
		if (choice != CreditProperties.ModelChoice.AUTO) {
			// the operator's choice rates even if not monotone; its figures say so
			return models.stream()
				.filter(t -> t.kind().name().equals(choice.name()) && t.model() != null && !Double.isNaN(t.metrics().auc()))
				.findFirst()
				.orElse(null);
		}
		List<CreditModelStore.Trained> eligible = models.stream().filter(CreditModelStore.Trained::eligible).toList();
		CreditModelStore.Trained best = null;
		for (CreditModelStore.Trained t : eligible) {
			if (best == null || t.metrics().auc() > best.metrics().auc()) {
				best = t;
			}
		}
		if (best == null) {
			return null;
		}
		double bestAuc = best.metrics().auc();
		return eligible.stream()
			.filter(t -> t.kind() == CreditModel.Kind.FISHER && t.metrics().auc() >= bestAuc - margin - 1e-12)
			.findFirst()
			.orElse(best);
	}

	private Result rateEveryone(Run run, CreditModel model, List<CreditInputs.Scored> scored, boolean flagged, int trainingRows,
			int heldOutRows, double defaultRate) {
		Map<String, Long> perGrade = new LinkedHashMap<>();
		Map<String, Double> pdSum = new HashMap<>();
		CreditModel.GRADES.forEach(g -> {
			perGrade.put(g, 0L);
			pdSum.put(g, 0.0);
		});
		int batch = this.properties.batchSize();
		int reasons = this.properties.reasons();
		// scores and reasons of a slice on every core, its writes in batches on this thread
		int slice = batch * 8;
		for (int from = 0; from < scored.size(); from += slice) {
			List<CreditInputs.Scored> part = scored.subList(from, Math.min(scored.size(), from + slice));
			Map<String, Object>[] rows = rows(model, part, flagged, reasons);
			for (Map<String, Object> row : rows) {
				String grade = (String) row.get("grade");
				perGrade.merge(grade, 1L, Long::sum);
				pdSum.merge(grade, (Double) row.get("pd"), Double::sum);
			}
			for (int at = 0; at < rows.length; at += batch) {
				List<Map<String, Object>> write = Arrays.asList(rows).subList(at, Math.min(rows.length, at + batch));
				this.driver.executableQuery(WRITE_RATINGS).withParameters(Map.of("rows", write, "run", run.id)).execute();
			}
		}
		Map<String, Double> meanPd = new LinkedHashMap<>();
		perGrade.forEach((g, n) -> meanPd.put(g, n == 0 ? Double.NaN : pdSum.get(g) / n));
		String message = "rated " + scored.size() + " customers with " + run.champion.kind()
				+ (flagged ? "; flagged by the drift gate: " + String.join("; ", run.drift.reasons()) : "");
		run.props.put("creditStatus", Status.RATED.name());
		run.props.put("creditRun", run.id);
		run.props.put("creditMessage", message);
		run.props.put("creditDriftFlagged", flagged);
		run.props.put("creditGrades", List.copyOf(perGrade.keySet()));
		run.props.put("creditGradeCustomers", List.copyOf(perGrade.values()));
		run.props.put("creditGradeMeanPd", List.copyOf(meanPd.values()));
		var result = finish(run, Status.RATED, message, run.id, trainingRows, heldOutRows, defaultRate, scored.size(), perGrade, meanPd,
				flagged);
		log.info("credit: {} customers rated in {} ms, per grade {}{}", scored.size(), result.duration().toMillis(), perGrade,
				flagged ? " (flagged by the drift gate)" : "");
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object>[] rows(CreditModel model, List<CreditInputs.Scored> part, boolean flagged, int reasons) {
		Map<String, Object>[] rows = new Map[part.size()];
		IntStream.range(0, part.size()).parallel().forEach(i -> {
			CreditInputs.Scored customer = part.get(i);
			double[] raw = customer.raw();
			double score = model.score(raw);
			double pd = model.probabilityOfDefault(score);
			String grade = model.grade(pd);
			rows[i] = Map.of("id", customer.customerId(), "grade", grade, "score", score, "pd", pd, "reasons",
					model.reasons(raw, grade, reasons), "indicators", Arrays.stream(raw).boxed().toList(), "flagged", flagged);
		});
		return rows;
	}

	private CreditMetrics heldOut(CreditModel model, List<double[]> test, int[] labels) {
		double[] scores = test.stream().mapToDouble(model::score).toArray();
		double[] pd = Arrays.stream(scores).map(model::probabilityOfDefault).toArray();
		return CreditMetrics.of(scores, pd, labels, this.properties.decisionThreshold());
	}

	private void putDrift(Run run) {
		DriftGate.Check d = run.drift;
		run.props.put("creditDriftAction", this.properties.drift().action().name());
		run.props.put("creditDriftFired", d.fired());
		run.props.put("creditDriftReasons", d.reasons());
		run.props.put("creditDriftShifted", d.shifted().stream().map(Enum::name).toList());
		run.props.put("creditDriftPsiThreshold", this.properties.drift().psi());
		run.props.put("creditScoredCustomers", d.scored());
		run.props.put("creditWithoutRecentHistory", d.withoutRecentHistory());
	}

	private Result keep(Run run, String why, int trainingRows, int heldOutRows, double defaultRate) {
		Status status = run.previousRatings == null ? Status.NOT_RATED : Status.KEPT_PREVIOUS;
		String message = why + (run.previousRatings == null ? "; no ratings are served" : "; the ratings of run " + run.previousRatings + " stay served");
		log.warn("credit: {}", message);
		run.props.put("creditStatus", status.name());
		run.props.put("creditMessage", message);
		run.props.put("creditDriftFlagged", false);
		if (run.previousRatings != null) {
			run.props.put("creditRun", run.previousRatings);
		}
		return finish(run, status, message, run.previousRatings, trainingRows, heldOutRows, defaultRate, 0, Map.of(), Map.of(), false);
	}

	private Result finish(Run run, Status status, String message, String ratingsRun, int trainingRows, int heldOutRows,
			double defaultRate, long rated, Map<String, Long> perGrade, Map<String, Double> meanPd, boolean flagged) {
		List<IndicatorFigures> indicators = new ArrayList<>();
		CreditModel reference = run.champion == null ? null : run.champion.model();
		if (reference != null) {
			for (Bins b : reference.bins()) {
				indicators.add(new IndicatorFigures(b.indicator(), b.informationValue(),
						run.drift == null ? Double.NaN : run.drift.psi()[b.indicator().ordinal()], reference.used().contains(b.indicator())));
			}
		}
		if (!run.models.isEmpty()) {
			this.store.write(run.id, run.models, run.champion == null ? null : run.champion.kind(), reference, run.drift);
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - run.started);
		run.props.put("creditSeconds", duration.toMillis() / 1000.0);
		this.driver.executableQuery(WRITE_RUN).withParameters(Map.of("run", run.id, "properties", run.props)).execute();
		return new Result(status, message, ratingsRun, run.champion == null ? null : run.champion.kind(), List.copyOf(run.models),
				trainingRows, heldOutRows, defaultRate, rated, perGrade, meanPd, run.labels, run.drift, flagged, List.copyOf(indicators),
				duration);
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private String previousRatingsRun(String previousRunId) {
		if (previousRunId == null) {
			return null;
		}
		var records = this.reads.records(PREVIOUS_RATINGS, Map.of("run", previousRunId));
		return records.isEmpty() ? null : records.getFirst().get("creditRun").asString(null);
	}

}
