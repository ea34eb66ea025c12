package com.powerkg.credit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.powerkg.graph.CypherResource;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The credit stage of an analytics run (SPEC §5): trains the Fisher model on the imported credit outcomes (each
 * customer's indicators as of the day before its observation date, so nothing after it leaks in), measures it on a
 * held-out share, and, if it is good enough, rates every customer as of D with {@code RATED} under the run's id.
 * A model below the AUC floor, or too few labels, leaves the previously served ratings in place: the run records
 * which run's ratings it serves ({@code creditRun}) and why.
 */
@Service
public class CreditStage {

	private static final Logger log = LoggerFactory.getLogger(CreditStage.class);

	private static final String WRITE_RATINGS = CypherResource.load(CreditStage.class, "write-ratings.cypher");

	private static final String WRITE_RUN = CypherResource.load(CreditStage.class, "write-run.cypher");

	private static final String PREVIOUS_RATINGS = CypherResource.load(CreditStage.class, "previous-ratings-run.cypher");

	private final Driver driver;

	private final CreditProperties properties;

	public CreditStage(Driver driver, CreditProperties properties) {
		this.driver = driver;
		this.properties = properties;
	}

	public enum Status {

		/** this run's model passed and rated every customer */
		RATED,
		/** no model good enough (or none trainable): the previous ratings stay served */
		KEPT_PREVIOUS,
		/** nothing to serve: no model and no earlier ratings */
		NOT_RATED

	}

	/**
	 * @param ratingsRun the run whose ratings readers see after this run is published (null: none)
	 * @param metrics    held-out quality of this run's model (null when none could be trained)
	 */
	public record Result(Status status, String message, String ratingsRun, CreditMetrics metrics, int trainingRows,
			double trainingDefaultRate, long customersRated, Map<String, Long> customersPerGrade,
			Map<String, Double> meanPdPerGrade, Duration duration, CreditModel.Kind model, CreditMetrics comparison) {
	}

	/**
	 * Trains on the labelled rows of the run's pass, measures the model on the held-out customers and, when it is good
	 * enough, rates every customer of the pass.
	 */
	public Result rate(String runId, LocalDate asOf, String previousRunId, CreditInputs inputs) {
		long started = System.nanoTime();
		String previousRatings = previousRatingsRun(previousRunId);
		List<String> ids = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		for (CreditInputs.Labelled row : inputs.labelled()) {
			ids.add(row.customerId());
			rows.add(row.raw());
			labels.add(row.defaulted());
		}

		List<double[]> train = new ArrayList<>();
		List<Integer> trainLabels = new ArrayList<>();
		List<double[]> test = new ArrayList<>();
		List<Integer> testLabels = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			boolean held = this.properties.heldOut(ids.get(i));
			(held ? test : train).add(rows.get(i));
			(held ? testLabels : trainLabels).add(labels.get(i));
		}
		long trainDefaults = trainLabels.stream().filter(l -> l == 1).count();
		long trainOthers = trainLabels.size() - trainDefaults;
		Map<String, Object> props = new HashMap<>();
		props.put("creditTrainingRows", (long) train.size());
		props.put("creditHeldOutRows", (long) test.size());
		if (trainDefaults < this.properties.minimumPerClass() || trainOthers < this.properties.minimumPerClass()) {
			String why = "too few credit outcomes to train: " + trainDefaults + " defaulted and " + trainOthers
					+ " did not among the training customers (at least " + this.properties.minimumPerClass() + " of each needed)";
			return keep(runId, previousRatings, why, null, train.size(), 0, props, started, this.properties.model(), null);
		}
		long testDefaults = testLabels.stream().filter(l -> l == 1).count();
		if (testDefaults == 0 || testDefaults == testLabels.size()) {
			String why = "cannot measure a model: the held-out customers (" + testLabels.size() + ") need both defaulters and "
					+ "non-defaulters, they have " + testDefaults + " defaulted";
			return keep(runId, previousRatings, why, null, train.size(), 0, props, started, this.properties.model(), null);
		}
		double defaultRate = (double) trainDefaults / train.size();
		int[] trainY = trainLabels.stream().mapToInt(Integer::intValue).toArray();
		int[] testY = testLabels.stream().mapToInt(Integer::intValue).toArray();
		CreditModel.Kind kind = this.properties.model();
		CreditModel.Kind other = kind == CreditModel.Kind.FISHER ? CreditModel.Kind.LOGISTIC : CreditModel.Kind.FISHER;
		CreditModel model = CreditModel.train(kind, train, trainY, this.properties.cutoffs());
		CreditMetrics metrics = heldOut(model, test, testY);
		CreditMetrics comparison = heldOut(CreditModel.train(other, train, trainY, this.properties.cutoffs()), test, testY);
		putModel(props, model, metrics, defaultRate);
		props.put("creditModel", kind.name());
		props.put("creditUnusedColumns", model.unusedColumns());
		props.put("creditComparisonModel", other.name());
		props.put("creditComparisonAuc", comparison.auc());
		props.put("creditComparisonKs", comparison.ks());
		log.info("credit: {} held-out AUC {} vs {} {}", kind, round(metrics.auc()), other, round(comparison.auc()));
		log.info("credit: trained on {} outcomes ({} % defaulted), held-out AUC {} KS {} on {} customers", train.size(),
				Math.round(1000 * defaultRate) / 10.0, round(metrics.auc()), round(metrics.ks()), test.size());
		if (!(metrics.auc() >= this.properties.aucFloor())) {
			String why = "model not used: held-out AUC " + round(metrics.auc()) + " is below the floor " + this.properties.aucFloor()
					+ " (powerkg.credit.auc-floor)";
			return keep(runId, previousRatings, why, metrics, train.size(), defaultRate, props, started, kind, comparison);
		}

		Map<String, Long> perGrade = new LinkedHashMap<>();
		Map<String, Double> pdSum = new TreeMap<>();
		CreditModel.GRADES.forEach(g -> perGrade.put(g, 0L));
		long[] rated = {0};
		List<CreditInputs.Scored> scored = inputs.scored();
		for (int from = 0; from < scored.size(); from += this.properties.batchSize()) {
			List<CreditInputs.Scored> batch = scored.subList(from, Math.min(scored.size(), from + this.properties.batchSize()));
			List<Map<String, Object>> ratings = new ArrayList<>(batch.size());
			for (CreditInputs.Scored customer : batch) {
				double[] raw = customer.raw();
				double score = model.score(raw);
				double pd = model.probabilityOfDefault(score);
				String grade = model.grade(pd);
				perGrade.merge(grade, 1L, Long::sum);
				pdSum.merge(grade, pd, Double::sum);
				ratings.add(Map.of("id", customer.customerId(), "grade", grade, "score", score, "pd", pd, "reasons",
						model.reasons(raw, this.properties.reasons()), "indicators", Arrays.stream(raw).boxed().toList()));
			}
			this.driver.executableQuery(WRITE_RATINGS).withParameters(Map.of("rows", ratings, "run", runId)).execute();
			rated[0] += batch.size();
		}
		Map<String, Double> meanPd = new LinkedHashMap<>();
		perGrade.forEach((g, n) -> meanPd.put(g, n == 0 ? Double.NaN : pdSum.get(g) / n));
		props.put("creditStatus", Status.RATED.name());
		props.put("creditRun", runId);
		props.put("creditMessage", "rated " + rated[0] + " customers");
		props.put("creditGradeCounts", perGrade.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
		var result = new Result(Status.RATED, "rated " + rated[0] + " customers", runId, metrics, train.size(), defaultRate, rated[0],
				perGrade, meanPd, Duration.ofNanos(System.nanoTime() - started), kind, comparison);
		props.put("creditSeconds", result.duration().toMillis() / 1000.0);
		this.driver.executableQuery(WRITE_RUN).withParameters(Map.of("run", runId, "properties", props)).execute();
		log.info("credit: {} customers rated in {} ms, per grade {}", rated[0], result.duration().toMillis(), perGrade);
		return result;
	}

	private CreditMetrics heldOut(CreditModel model, List<double[]> test, int[] labels) {
		double[] scores = test.stream().mapToDouble(model::score).toArray();
		double[] pd = Arrays.stream(scores).map(model::probabilityOfDefault).toArray();
		return CreditMetrics.of(scores, pd, labels, this.properties.decisionThreshold());
	}

	private Result keep(String runId, String previousRatings, String why, CreditMetrics metrics, int trainingRows,
			double defaultRate, Map<String, Object> props, long started, CreditModel.Kind kind, CreditMetrics comparison) {
		Status status = previousRatings == null ? Status.NOT_RATED : Status.KEPT_PREVIOUS;
		String message = why + (previousRatings == null ? "; no ratings are served" : "; the ratings of run " + previousRatings + " stay served");
		log.warn("credit: {}", message);
		props.put("creditStatus", status.name());
		props.put("creditMessage", message);
		if (previousRatings != null) {
			props.put("creditRun", previousRatings);
		}
		var result = new Result(status, message, previousRatings, metrics, trainingRows, defaultRate, 0, Map.of(), Map.of(),
				Duration.ofNanos(System.nanoTime() - started), kind, comparison);
		props.put("creditSeconds", result.duration().toMillis() / 1000.0);
		this.driver.executableQuery(WRITE_RUN).withParameters(Map.of("run", runId, "properties", props)).execute();
		return result;
	}

	private void putModel(Map<String, Object> props, CreditModel model, CreditMetrics metrics, double defaultRate) {
		props.put("creditColumns", model.columns());
		props.put("creditImputed", list(model.imputed()));
		props.put("creditMeans", list(model.means()));
		props.put("creditSds", list(model.sds()));
		props.put("creditCoefficients", list(model.coefficients()));
		props.put("creditCalibration", list(model.calibration()));
		props.put("creditCutoffs", list(model.cutoffs()));
		props.put("creditDefaultRate", defaultRate);
		props.put("creditAuc", metrics.auc());
		props.put("creditKs", metrics.ks());
		props.put("creditThreshold", metrics.threshold());
		props.put("creditConfusion", List.of((long) metrics.truePositives(), (long) metrics.falsePositives(),
				(long) metrics.trueNegatives(), (long) metrics.falseNegatives()));
		props.put("creditAucFloor", this.properties.aucFloor());
	}

	private static List<Double> list(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private String previousRatingsRun(String previousRunId) {
		if (previousRunId == null) {
			return null;
		}
		var records = this.driver.executableQuery(PREVIOUS_RATINGS).withParameters(Map.of("run", previousRunId)).execute().records();
		return records.isEmpty() ? null : records.getFirst().get("creditRun").asString(null);
	}

}
